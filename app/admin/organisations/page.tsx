import type { Metadata } from "next";
import Link from "next/link";
import type { Column } from "@/components/data-table";
import type { FieldSpec } from "@/components/forms/field-list";
import { FilterForm } from "@/components/forms/filter-form";
import { PageHeader } from "@/components/page-header";
import { listHref, showing } from "@/components/pagination";
import { RecordList } from "@/components/record-list";
import { requireAdmin } from "@/lib/auth/access";
import { listOrganisations, type OrganisationListRow } from "@/lib/organisations/queries";
import { BODY_KINDS, KIND_LABELS } from "@/lib/organisations/schemas";
import { one, type SearchParams } from "../list-params";
import { formatLongDate } from "@/lib/format/dates";
import { namesText } from "@/lib/format/names";
import { today } from "@/lib/clock";

export const metadata: Metadata = { title: "Organisations" };

const FILTERS: FieldSpec[] = [
  { kind: "text", type: "search", name: "q", label: "Name or code" },
  {
    name: "kind",
    label: "Kind",
    placeholder: "Any kind",
    options: (["council", ...BODY_KINDS] as const).map((k) => ({
      value: k,
      label: KIND_LABELS[k],
    })),
  },
  {
    name: "status",
    label: "Still operating?",
    placeholder: "Either",
    options: [
      { value: "current", label: "Operating today" },
      { value: "ended", label: "Ended" },
    ],
  },
];

function status(o: OrganisationListRow, day: string): string {
  if (!o.endDate) return "Operating";
  const names = namesText(o.successorNames);
  if (o.endDate >= day)
    return `Operating until ${formatLongDate(o.endDate)}${names ? `; then part of ${names}` : ""}`;
  return `Ended ${formatLongDate(o.endDate)}${names ? `; now part of ${names}` : ""}`;
}

const COLUMNS: Column<OrganisationListRow>[] = [
  {
    label: "Name",
    rowHeader: true,
    cell: (o) => (
      <Link prefetch={false} href={`/admin/organisations/${o.id}`}>
        {o.name}
      </Link>
    ),
  },
  { label: "Code", cellClassName: "font-mono text-sm", cell: (o) => o.code },
  { label: "Kind", cell: (o) => KIND_LABELS[o.kind] },
  { label: "Region", cell: (o) => o.region ?? "None" },
  { label: "Status", cell: (o) => status(o, today()) },
  {
    label: "Published arrangements",
    numeric: true,
    cell: (o) => o.arrangements.toLocaleString("en-GB"),
  },
];

export default async function OrganisationsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const admin = await requireAdmin();
  const params = await searchParams;
  const list = await listOrganisations(admin, {
    q: one(params.q),
    kind: one(params.kind),
    status: one(params.status),
    page: one(params.page),
  });
  const { filters } = list;

  return (
    <div>
      <PageHeader
        title="Organisations"
        action={
          <div className="flex flex-wrap gap-3">
            <Link href="/admin/organisations/reorganise" className="button">
              Record a reorganisation
            </Link>
            <Link href="/admin/organisations/new" className="button button-secondary">
              Add an organisation
            </Link>
          </div>
        }
      >
        Councils come from the ONS reference data. When councils are reorganised — several ending
        and new ones formed on a vesting day, now or in the future — record it here. Add and edit
        the fire and rescue services, police forces, NHS bodies and other public bodies councils
        share services with.
      </PageHeader>

      <FilterForm
        action="/admin/organisations"
        label="Organisations"
        submitLabel="Search"
        columns={3}
        fields={FILTERS}
        values={filters}
      />

      <RecordList
        id="organisations"
        title="Organisations"
        detail={showing(list)}
        columns={COLUMNS}
        rows={list.rows}
        rowKey={(o) => o.id}
        list={list}
        empty="No organisations match your search."
        href={(page) => listHref("/admin/organisations", { ...filters, page })}
        label="Pages of organisations"
      />
    </div>
  );
}
