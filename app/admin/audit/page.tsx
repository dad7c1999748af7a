import type { Metadata } from "next";
import type { FieldSpec } from "@/components/forms/field-list";
import { FilterForm } from "@/components/forms/filter-form";
import { PageHeader } from "@/components/page-header";
import { listHref, showing } from "@/components/pagination";
import { RecordList } from "@/components/record-list";
import { auditFilterOptions, listAuditEvents } from "@/lib/audit-log/queries";
import { auditQuery, parseAuditFilters } from "@/lib/audit-log/schemas";
import { auditActionLabel } from "@/lib/audit-log/sentences";
import { requireAdmin } from "@/lib/auth/access";
import { organisationGroups } from "@/lib/users/labels";
import { one, type SearchParams } from "../list-params";
import { AUDIT_COLUMNS } from "./audit-columns";

export const metadata: Metadata = { title: "Audit log" };

const PARAMS = ["organisation", "user", "action", "from", "to", "page"] as const;

function filterFields(options: Awaited<ReturnType<typeof auditFilterOptions>>): FieldSpec[] {
  return [
    {
      name: "organisation",
      label: "Organisation",
      placeholder: "Any organisation",
      groups: organisationGroups(options.organisations),
    },
    {
      name: "user",
      label: "User",
      placeholder: "Anyone",
      options: options.users.map((u) => ({ value: String(u.id), label: `${u.name} (${u.email})` })),
    },
    {
      name: "action",
      label: "Action",
      placeholder: "Any action",
      options: options.actions
        .map((a) => ({ value: a, label: auditActionLabel(a) }))
        .sort((a, b) => a.label.localeCompare(b.label, "en-GB")),
    },
    {
      kind: "group",
      name: "dates",
      fields: [
        {
          kind: "text",
          type: "date",
          name: "from",
          label: "Date from",
          hint: "For example, 2017-03-31",
        },
        { kind: "text", type: "date", name: "to", label: "Date to", hint: "Inclusive, UK time" },
      ],
    },
  ];
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requireAdmin();
  const params = await searchParams;
  const raw = Object.fromEntries(PARAMS.map((name) => [name, one(params[name])]));
  const { filters, errors } = parseAuditFilters(raw);
  const [list, options] = await Promise.all([
    listAuditEvents(admin, filters),
    auditFilterOptions(admin),
  ]);
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
        Every sign-in, change, submission, decision and administrative act, newest first, in UK
        time. Events cannot be changed or deleted by anyone, administrators included. The download
        keeps each event&rsquo;s codes beside its description.
      </PageHeader>

      <FilterForm
        action="/admin/audit"
        label="Audit log"
        submitLabel="Show events"
        fields={filterFields(options)}
        values={raw}
        errors={errors}
      />

      <RecordList
        id="audit"
        dense
        title="Audit events"
        detail={`${showing(list)}, newest first`}
        columns={AUDIT_COLUMNS}
        rows={list.events}
        rowKey={(event) => event.id}
        list={list}
        empty="No events match these filters."
        href={(page) => listHref("/admin/audit", { ...query, page })}
        label="Pages of audit events"
        previous="Newer events"
        next="Older events"
      />
    </div>
  );
}
