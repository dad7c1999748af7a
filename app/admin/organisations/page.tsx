import type { Metadata } from "next";
import Link from "next/link";
import { listHref, Pagination, showing } from "@/components/review/pagination";
import { requireAdmin } from "@/lib/auth/access";
import { formatLongDate } from "@/lib/format/dates";
import { listOrganisations } from "@/lib/organisations/queries";
import { KIND_LABELS } from "@/lib/organisations/schemas";
import { OrganisationsSearchForm } from "./organisations-search-form";

export const metadata: Metadata = { title: "Organisations" };

type SearchParams = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
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
  const pageHref = (page: number) => listHref("/admin/organisations", { ...filters, page });

  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-3xl font-bold">Organisations</h1>
        <Link href="/admin/organisations/new" className="button">
          Add an organisation
        </Link>
      </div>
      <p className="mt-2 mb-6 max-w-3xl text-ink-muted">
        Councils come from the ONS reference data; you can record that one was replaced. Add and
        edit the fire and rescue services, police forces, NHS bodies and other public bodies
        councils share services with.
      </p>

      <OrganisationsSearchForm
        key={JSON.stringify(filters)}
        q={filters.q}
        kind={filters.kind}
        status={filters.status}
      />

      {list.total === 0 ? (
        <p role="status" className="text-lg">
          No organisations match your search.
        </p>
      ) : (
        <div
          className="relative overflow-x-auto"
          role="region"
          aria-labelledby="organisations-caption"
          tabIndex={0}
        >
          <table className="w-full border-collapse text-left">
            <caption id="organisations-caption" className="mb-2 text-left text-lg font-semibold">
              Organisations
              <span className="block text-base font-normal text-ink-muted">{showing(list)}</span>
            </caption>
            <thead>
              <tr className="border-b-2 border-rule-strong">
                <th scope="col" className="py-2 pr-4">
                  Name
                </th>
                <th scope="col" className="py-2 pr-4">
                  Code
                </th>
                <th scope="col" className="py-2 pr-4">
                  Kind
                </th>
                <th scope="col" className="py-2 pr-4">
                  Region
                </th>
                <th scope="col" className="py-2 pr-4">
                  Status
                </th>
                <th scope="col" className="py-2 text-right">
                  Published arrangements
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((o) => (
                <tr key={o.id} className="border-b border-rule align-top">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    <Link prefetch={false} href={`/admin/organisations/${o.id}`}>
                      {o.name}
                    </Link>
                  </th>
                  <td className="py-2 pr-4 font-mono text-sm">{o.code}</td>
                  <td className="py-2 pr-4">{KIND_LABELS[o.kind]}</td>
                  <td className="py-2 pr-4">{o.region ?? "None"}</td>
                  <td className="py-2 pr-4">
                    {o.endDate
                      ? `Ended ${formatLongDate(o.endDate)}${o.replacedByName ? `; now part of ${o.replacedByName}` : ""}`
                      : "Operating"}
                  </td>
                  <td className="py-2 text-right">{o.arrangements.toLocaleString("en-GB")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pagination
        page={list.page}
        pages={list.pages}
        href={pageHref}
        label="Pages of organisations"
      />
    </div>
  );
}
