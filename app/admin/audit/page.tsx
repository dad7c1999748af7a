import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { listHref, Pagination, showing } from "@/components/pagination";
import { auditFilterOptions, listAuditEvents } from "@/lib/audit-log/queries";
import { auditQuery, parseAuditFilters } from "@/lib/audit-log/schemas";
import { requireAdmin } from "@/lib/auth/access";
import { organisationGroups } from "@/lib/users/labels";
import { one, type SearchParams } from "../list-params";
import { AuditFilterForm } from "./audit-filter-form";
import { AuditTable } from "./audit-table";

export const metadata: Metadata = { title: "Audit log" };

const FILTERS = ["organisation", "user", "action", "from", "to", "page"] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requireAdmin();
  const params = await searchParams;
  const raw = Object.fromEntries(FILTERS.map((name) => [name, one(params[name])]));
  const { filters, errors } = parseAuditFilters(raw);
  // One after the other: kind to the embedded database's single backend.
  const list = await listAuditEvents(admin, filters);
  const options = await auditFilterOptions(admin);
  const query = auditQuery(filters, list.page);

  return (
    <div>
      <PageHeader
        title="Audit log"
        action={
          <a
            href={listHref("/admin/audit/export", { ...query, page: undefined })}
            className="button button-secondary"
            download
          >
            Download these events (CSV)
          </a>
        }
      >
        Every sign-in, change, submission, decision and administrative act, newest first. Events
        cannot be changed or deleted by anyone, administrators included.
      </PageHeader>

      <AuditFilterForm
        values={raw}
        errors={errors}
        actions={options.actions.map((a) => ({ value: a, label: a }))}
        users={options.users.map((u) => ({ value: String(u.id), label: `${u.name} (${u.email})` }))}
        organisationGroups={organisationGroups(options.organisations)}
      />

      {list.total === 0 ? (
        <p role="status" className="text-lg">
          No events match these filters.
        </p>
      ) : (
        <AuditTable events={list.events} caption={`${showing(list)}, newest first`} />
      )}

      <Pagination
        page={list.page}
        pages={list.pages}
        href={(page) => listHref("/admin/audit", { ...query, page })}
        label="Pages of audit events"
        previous="Newer events"
        next="Older events"
      />
    </div>
  );
}
