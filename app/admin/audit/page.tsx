import type { Metadata } from "next";
import Link from "next/link";
import { listHref, Pagination, showing } from "@/components/review/pagination";
import { auditFilterOptions, listAuditEvents } from "@/lib/audit-log/queries";
import { auditQuery, parseAuditFilters } from "@/lib/audit-log/schemas";
import { requireAdmin } from "@/lib/auth/access";
import { organisationGroups } from "@/lib/users/labels";
import { formatDateTime } from "@/lib/format/dates";
import { AuditFilterForm } from "./audit-filter-form";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requireAdmin();
  const params = await searchParams;
  const raw = {
    organisation: one(params.organisation),
    user: one(params.user),
    action: one(params.action),
    from: one(params.from),
    to: one(params.to),
    page: one(params.page),
  };
  const { filters, errors } = parseAuditFilters(raw);
  const list = await listAuditEvents(admin, filters);
  const options = await auditFilterOptions(admin);
  const query = auditQuery(filters, list.page);
  const pageHref = (page: number) => listHref("/admin/audit", { ...query, page });
  const exportHref = listHref("/admin/audit/export", { ...query, page: undefined });

  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-3xl font-bold">Audit log</h1>
        <a href={exportHref} className="button button-secondary" download>
          Download these events (CSV)
        </a>
      </div>
      <p className="mt-2 mb-6 max-w-3xl text-ink-muted">
        Every sign-in, change, submission, decision and administrative act, newest first. Events
        cannot be changed or deleted by anyone, administrators included.
      </p>

      <AuditFilterForm
        key={JSON.stringify(raw)}
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
        <div
          className="relative overflow-x-auto"
          role="region"
          aria-labelledby="audit-caption"
          tabIndex={0}
        >
          <table className="w-full border-collapse text-left text-sm">
            <caption id="audit-caption" className="mb-2 text-left text-lg font-semibold">
              Audit events
              <span className="block text-base font-normal text-ink-muted">
                {showing(list)}, newest first
              </span>
            </caption>
            <thead>
              <tr className="border-b-2 border-rule-strong">
                <th scope="col" className="py-2 pr-3">
                  When
                </th>
                <th scope="col" className="py-2 pr-3">
                  Action
                </th>
                <th scope="col" className="py-2 pr-3">
                  Who
                </th>
                <th scope="col" className="py-2 pr-3">
                  Organisation
                </th>
                <th scope="col" className="py-2 pr-3">
                  Record
                </th>
                <th scope="col" className="py-2">
                  Before → after
                </th>
              </tr>
            </thead>
            <tbody>
              {list.events.map((event) => (
                <tr key={event.id} className="border-b border-rule align-top">
                  <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(event.at)}</td>
                  <th scope="row" className="py-2 pr-3 font-mono font-normal">
                    {event.action}
                  </th>
                  <td className="py-2 pr-3">
                    {event.actorUserId ? (
                      <Link
                        prefetch={false}
                        href={listHref("/admin/audit", { user: event.actorUserId })}
                      >
                        {event.actorName ?? `User ${event.actorUserId}`}
                      </Link>
                    ) : (
                      "System"
                    )}
                  </td>
                  <td className="py-2 pr-3">
                    {event.organisationId ? (
                      <Link
                        prefetch={false}
                        href={listHref("/admin/audit", { organisation: event.organisationId })}
                      >
                        {event.organisationName}
                      </Link>
                    ) : (
                      "None"
                    )}
                  </td>
                  <td className="py-2 pr-3 break-all">
                    {event.entityType}
                    {event.entityId ? ` ${event.entityId}` : ""}
                  </td>
                  <td className="py-2">
                    {event.changes.length === 0 ? (
                      <span className="text-ink-muted">No details</span>
                    ) : (
                      <dl className="space-y-1">
                        {event.changes.map((change) => (
                          <div key={change.label}>
                            <dt className="inline font-semibold">{change.label}: </dt>
                            <dd className="inline whitespace-pre-line wrap-anywhere">
                              {change.before === null ? (
                                <span className="text-ink-muted italic">none</span>
                              ) : (
                                <del className="decoration-1">{change.before}</del>
                              )}
                              <span aria-label="changed to"> → </span>
                              {change.after === null ? (
                                <span className="text-ink-muted italic">none</span>
                              ) : (
                                <ins className="font-semibold no-underline">{change.after}</ins>
                              )}
                            </dd>
                          </div>
                        ))}
                      </dl>
                    )}
                  </td>
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
        label="Pages of audit events"
        previous="Newer events"
        next="Older events"
      />
    </div>
  );
}
