import Link from "next/link";
import type { SelectOption } from "@/components/forms/select-field";
import { SummaryList } from "@/components/summary-list";
import type {
  councilChoices,
  OrganisationDetail,
  SuccessionLink,
} from "@/lib/organisations/queries";
import { KIND_LABELS } from "@/lib/organisations/schemas";
import { BodyForm, ReplacedForm } from "../organisation-forms";
import { formatLongDate } from "@/lib/format/dates";
import { today } from "@/lib/clock";
import { bpToPercent, WHOLE_BP } from "@/lib/organisations/shares";

function dates(start: string | null, end: string | null): string {
  if (!start && !end) return "Not recorded";
  // A council formed by a reorganisation still to vest has no "today" yet.
  if (start && !end && start > today()) return `From ${formatLongDate(start)}`;
  return `${start ? formatLongDate(start) : "unknown"} to ${end ? formatLongDate(end) : "today"}`;
}

/** "North Northamptonshire Council, from 1 April 2021 (48.12%)", each a link. */
function SuccessionList({ links, showShare }: { links: SuccessionLink[]; showShare: boolean }) {
  return (
    <ul>
      {links.map((l) => (
        <li key={l.id}>
          <Link href={`/admin/organisations/${l.id}`}>{l.name}</Link>, from{" "}
          {formatLongDate(l.effectiveDate)}
          {showShare && l.shareBp < WHOLE_BP ? ` (${bpToPercent(l.shareBp)}%)` : ""}
        </li>
      ))}
    </ul>
  );
}

/** Its code, kind, region, dates, successors, predecessors and arrangements. */
export function OrganisationFacts({ organisation: o }: { organisation: OrganisationDetail }) {
  return (
    <SummaryList
      rows={[
        { term: "Code", value: o.code, className: "font-mono" },
        {
          term: "Kind",
          value: `${KIND_LABELS[o.kind]}${o.councilType ? ` (${o.councilType})` : ""}`,
        },
        { term: "Region", value: o.region ?? "None" },
        { term: "Operating", value: dates(o.startDate, o.endDate) },
        o.successors.length > 0 && {
          term: "Taken over by",
          value: <SuccessionList links={o.successors} showShare />,
        },
        o.predecessors.length > 0 && {
          term: "Took over from",
          value: <SuccessionList links={o.predecessors} showShare={false} />,
        },
        {
          term: "Arrangements",
          value: `Leads ${o.ledArrangements.toLocaleString("en-GB")}; takes part in ${o.arrangements.toLocaleString("en-GB")} published`,
        },
        { term: "Editors", value: o.editors.toLocaleString("en-GB") },
      ]}
    />
  );
}

/** A council is not edited here, only recorded as replaced by its successor. */
export function ReplacedSection({
  organisation: o,
  councils,
}: {
  organisation: OrganisationDetail;
  councils: Awaited<ReturnType<typeof councilChoices>>;
}) {
  return (
    <section aria-labelledby="replaced-heading" className="mt-10">
      <h2 id="replaced-heading" className="mb-2 text-2xl font-bold">
        Record that it was replaced
      </h2>
      <p className="mb-4">
        When councils merge or are reorganised, record the last day and the council that took over.
        Its arrangements stay as they are, and public pages show it as “now part of” its successor.
      </p>
      <ReplacedForm
        organisationId={o.id}
        version={o.version}
        endDate={o.endDate ?? ""}
        replacedById={o.replacedById ? String(o.replacedById) : ""}
        councils={councils.map((c) => ({
          value: String(c.id),
          label: c.startDate ? `${c.name} (from ${formatLongDate(c.startDate)})` : c.name,
        }))}
      />
    </section>
  );
}

/** Any other body is edited in full. */
export function EditSection({
  organisation: o,
  regions,
}: {
  organisation: OrganisationDetail;
  regions: SelectOption[];
}) {
  return (
    <section aria-labelledby="edit-heading" className="mt-10">
      <h2 id="edit-heading" className="mb-4 text-2xl font-bold">
        Edit
      </h2>
      <BodyForm
        organisationId={o.id}
        version={o.version}
        current={{
          kind: o.kind,
          name: o.name,
          shortName: o.shortName,
          region: o.region ?? "",
          startDate: o.startDate ?? "",
          endDate: o.endDate ?? "",
        }}
        regions={regions}
      />
    </section>
  );
}
