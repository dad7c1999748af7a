import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SuccessPanel } from "@/components/forms/success-panel";
import { requireAdmin } from "@/lib/auth/access";
import { formatLongDate } from "@/lib/format/dates";
import { councilChoices, getOrganisation } from "@/lib/organisations/queries";
import { KIND_LABELS } from "@/lib/organisations/schemas";
import { REGIONS } from "@/lib/public/regions";
import { BodyForm, ReplacedForm } from "../organisation-forms";

export const metadata: Metadata = { title: "Organisation" };

function dates(start: string | null, end: string | null): string {
  if (!start && !end) return "Not recorded";
  return `${start ? formatLongDate(start) : "unknown"} to ${end ? formatLongDate(end) : "today"}`;
}

export default async function OrganisationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requireAdmin();
  const { id } = await params;
  const organisation = /^\d{1,9}$/.test(id) ? await getOrganisation(admin, Number(id)) : null;
  if (!organisation) notFound();
  const { notice } = await searchParams;
  const regions: { value: string; label: string }[] = REGIONS.map((r) => ({
    value: r.name,
    label: r.name,
  }));
  // A body's own region that is not one of England's nine (NHS regions) stays choosable.
  if (organisation.region && !regions.some((r) => r.value === organisation.region))
    regions.push({ value: organisation.region, label: organisation.region });
  const council = organisation.kind === "council";
  const councils = council ? await councilChoices(admin, organisation.id) : [];

  return (
    <div className="max-w-3xl">
      {notice === "created" ? <SuccessPanel title={`${organisation.name} has been added`} /> : null}
      <p className="mb-4">
        <Link href="/admin/organisations">Back to organisations</Link>
      </p>
      <h1 className="text-3xl font-bold">{organisation.name}</h1>

      <dl className="mt-6 grid grid-cols-1 gap-x-6 gap-y-2 border-t border-rule pt-4 sm:grid-cols-[14rem_1fr]">
        <dt className="font-semibold">Code</dt>
        <dd className="font-mono">{organisation.code}</dd>
        <dt className="font-semibold">Kind</dt>
        <dd>
          {KIND_LABELS[organisation.kind]}
          {organisation.councilType ? ` (${organisation.councilType})` : ""}
        </dd>
        <dt className="font-semibold">Region</dt>
        <dd>{organisation.region ?? "None"}</dd>
        <dt className="font-semibold">Operating</dt>
        <dd>{dates(organisation.startDate, organisation.endDate)}</dd>
        {organisation.replacedByName ? (
          <>
            <dt className="font-semibold">Now part of</dt>
            <dd>
              <Link href={`/admin/organisations/${organisation.replacedById}`}>
                {organisation.replacedByName}
              </Link>
            </dd>
          </>
        ) : null}
        {organisation.predecessors.length ? (
          <>
            <dt className="font-semibold">Replaced</dt>
            <dd>
              <ul>
                {organisation.predecessors.map((p) => (
                  <li key={p.id}>
                    <Link href={`/admin/organisations/${p.id}`}>{p.name}</Link>
                    {p.endDate ? ` (to ${formatLongDate(p.endDate)})` : ""}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt className="font-semibold">Arrangements</dt>
        <dd>
          Leads {organisation.ledArrangements.toLocaleString("en-GB")}; takes part in{" "}
          {organisation.arrangements.toLocaleString("en-GB")} published
        </dd>
      </dl>

      {council ? (
        <section aria-labelledby="replaced-heading" className="mt-10">
          <h2 id="replaced-heading" className="mb-2 text-2xl font-bold">
            Record that it was replaced
          </h2>
          <p className="mb-4">
            When councils merge or are reorganised, record the last day and the council that took
            over. Its arrangements stay as they are, and public pages show it as “now part of” its
            successor.
          </p>
          <ReplacedForm
            organisationId={organisation.id}
            version={organisation.version}
            endDate={organisation.endDate ?? ""}
            replacedById={organisation.replacedById ? String(organisation.replacedById) : ""}
            councils={councils.map((c) => ({
              value: String(c.id),
              label: c.startDate ? `${c.name} (from ${formatLongDate(c.startDate)})` : c.name,
            }))}
          />
        </section>
      ) : (
        <section aria-labelledby="edit-heading" className="mt-10">
          <h2 id="edit-heading" className="mb-4 text-2xl font-bold">
            Edit
          </h2>
          <BodyForm
            organisationId={organisation.id}
            version={organisation.version}
            current={{
              kind: organisation.kind,
              name: organisation.name,
              shortName: organisation.shortName,
              region: organisation.region ?? "",
              startDate: organisation.startDate ?? "",
              endDate: organisation.endDate ?? "",
            }}
            regions={regions}
          />
        </section>
      )}
    </div>
  );
}
