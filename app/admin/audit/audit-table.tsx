import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { ListCaption } from "@/components/page-header";
import { listHref } from "@/components/pagination";
import type { listAuditEvents } from "@/lib/audit-log/queries";
import { formatDateTime } from "@/lib/users/labels";

type AuditEvent = Awaited<ReturnType<typeof listAuditEvents>>["events"][number];

const COLUMNS = ["When", "Action", "Who", "Organisation", "Record", "Before → after"].map(
  (label) => ({ label }),
);

/** A value before or after a change; "none" in words when there was none. */
function ChangeValue({ value, as: Tag }: { value: string | null; as: "del" | "ins" }) {
  if (value === null) return <span className="text-ink-muted italic">none</span>;
  return Tag === "del" ? (
    <del className="decoration-1">{value}</del>
  ) : (
    <ins className="font-semibold no-underline">{value}</ins>
  );
}

/** "field: old → new", one line per field the event changed. */
function Changes({ changes }: { changes: AuditEvent["changes"] }) {
  if (changes.length === 0) return <span className="text-ink-muted">No details</span>;
  return (
    <dl className="space-y-1">
      {changes.map((change) => (
        <div key={change.label}>
          <dt className="inline font-semibold">{change.label}: </dt>
          <dd className="inline whitespace-pre-line wrap-anywhere">
            <ChangeValue value={change.before} as="del" />
            <span aria-label="changed to"> → </span>
            <ChangeValue value={change.after} as="ins" />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A link to the log filtered to one person or organisation. */
function FilterLink({ filter, children }: { filter: Record<string, number>; children: string }) {
  return (
    <Link prefetch={false} href={listHref("/admin/audit", filter)}>
      {children}
    </Link>
  );
}

function EventRow({ event }: { event: AuditEvent }) {
  return (
    <tr>
      <td className="whitespace-nowrap">{formatDateTime(event.at)}</td>
      <th scope="row" className="font-mono">
        {event.action}
      </th>
      <td>
        {event.actorUserId ? (
          <FilterLink filter={{ user: event.actorUserId }}>
            {event.actorName ?? `User ${event.actorUserId}`}
          </FilterLink>
        ) : (
          "System"
        )}
      </td>
      <td>
        {event.organisationId ? (
          <FilterLink filter={{ organisation: event.organisationId }}>
            {event.organisationName ?? ""}
          </FilterLink>
        ) : (
          "None"
        )}
      </td>
      <td className="break-all">
        {event.entityType}
        {event.entityId ? ` ${event.entityId}` : ""}
      </td>
      <td>
        <Changes changes={event.changes} />
      </td>
    </tr>
  );
}

/** The audit events of one page, newest first. */
export function AuditTable({ events, caption }: { events: AuditEvent[]; caption: string }) {
  return (
    <DataTable
      id="audit"
      dense
      captionClassName="mb-2 text-left text-lg font-semibold"
      caption={<ListCaption title="Audit events" detail={caption} />}
      columns={COLUMNS}
    >
      {events.map((event) => (
        <EventRow key={event.id} event={event} />
      ))}
    </DataTable>
  );
}
