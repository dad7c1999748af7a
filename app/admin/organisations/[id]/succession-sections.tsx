import { today } from "@/lib/clock";
import { formatLongDate } from "@/lib/format/dates";
import type { OrganisationDetail } from "@/lib/organisations/queries";
import { bpToPercent } from "@/lib/organisations/shares";
import { MoveEditorsForm, SharesForm } from "../reorganisation-forms";

/** A council divided between several successors: the part each took, as an administrator sets it. */
export function SharesSection({ organisation: o }: { organisation: OrganisationDetail }) {
  if (o.successors.length < 2) return null;
  return (
    <section aria-labelledby="shares-heading" className="mt-10">
      <h2 id="shares-heading" className="mb-2 text-2xl font-bold">
        How it was divided
      </h2>
      <p className="mb-4">
        The part of {o.name} each council took over, adding up to 100%. The register follows its
        arrangements to each of them in these shares.
      </p>
      <SharesForm
        predecessorId={o.id}
        version={o.version}
        successors={o.successors.map((s) => ({
          id: s.id,
          name: s.name,
          percent: bpToPercent(s.shareBp),
        }))}
      />
    </section>
  );
}

/** From the vesting day, the council's editors can all be moved to a successor at once. */
export function MoveEditorsSection({ organisation: o }: { organisation: OrganisationDetail }) {
  if (o.successors.length === 0 || o.editors === 0) return null;
  const day = today();
  const vested = o.successors.filter((s) => s.effectiveDate <= day);
  const editors = o.editors === 1 ? "1 editor" : `${o.editors.toLocaleString("en-GB")} editors`;
  return (
    <section aria-labelledby="editors-heading" className="mt-10">
      <h2 id="editors-heading" className="mb-2 text-2xl font-bold">
        Move its editors
      </h2>
      {vested.length === 0 ? (
        <p>
          {o.name} has {editors}. They can be moved to the council that takes over from{" "}
          {formatLongDate(o.successors[0]!.effectiveDate)}, its vesting day.
        </p>
      ) : (
        <>
          <p className="mb-4">
            {o.name} has {editors}. Move them all to a council that took over from it: they are
            signed out, and when they sign in again they edit for that council, including the
            arrangements {o.shortName} led.
          </p>
          <MoveEditorsForm
            predecessorId={o.id}
            successors={vested.map((s) => ({ value: String(s.id), label: s.name }))}
          />
        </>
      )}
    </section>
  );
}
