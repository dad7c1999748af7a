import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { listHref, Pagination, showing } from "@/components/pagination";
import { requireAdmin } from "@/lib/auth/access";
import { formatLongDate } from "@/lib/financial-year";
import { listOrganisations, type OrganisationListRow } from "@/lib/organisations/queries";
import { KIND_LABELS } from "@/lib/organisations/schemas";
import { one, type SearchParams } from "../list-params";
import { OrganisationsSearchForm } from "./organisations-search-form";

export const metadata: Metadata = { title: "Organisations" };

const COLUMNS = [
  { label: "Name" },
  { label: "Code" },
  { label: "Kind" },
  { label: "Region" },
  { label: "Status" },
  { label: "Published arrangements", numeric: true },
];

function status(o: OrganisationListRow): string {
  if (!o.endDate) return "Operating";
  const successor = o.replacedByName ? `; now part of ${o.replacedByName}` : "";
  return `Ended ${formatLongDate(o.endDate)}${successor}`;
}

function OrganisationsTable({ rows, caption }: { rows: OrganisationListRow[]; caption: string }) {
  return (
    <DataTable
      id="organisations"
      captionClassName="mb-2 text-left text-lg font-semibold"
      caption={
        <>
          Organisations
          <span className="block text-base font-normal text-ink-muted">{caption}</span>
        </>
      }
      columns={COLUMNS}
    >
      {rows.map((o) => (
        <tr key={o.id}>
          <th scope="row">
            <Link prefetch={false} href={`/admin/organisations/${o.id}`}>
              {o.name}
            </Link>
          </th>
          <td className="font-mono text-sm">{o.code}</td>
          <td>{KIND_LABELS[o.kind]}</td>
          <td>{o.region ?? "None"}</td>
          <td>{status(o)}</td>
          <td className="num">{o.arrangements.toLocaleString("en-GB")}</td>
        </tr>
      ))}
    </DataTable>
  );
}

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
          <Link href="/admin/organisations/new" className="button">
            Add an organisation
          </Link>
        }
      >
        Councils come from the ONS reference data; you can record that one was replaced. Add and
        edit the fire and rescue services, police forces, NHS bodies and other public bodies
        councils share services with.
      </PageHeader>

      <OrganisationsSearchForm values={filters} />

      {list.total === 0 ? (
        <p role="status" className="text-lg">
          No organisations match your search.
        </p>
      ) : (
        <OrganisationsTable rows={list.rows} caption={showing(list)} />
      )}

      <Pagination
        page={list.page}
        pages={list.pages}
        href={(page) => listHref("/admin/organisations", { ...filters, page })}
        label="Pages of organisations"
      />
    </div>
  );
}
