import Link from "next/link";
import type { Column } from "@/components/data-table";
import { listHref } from "@/components/pagination";
import type { listAuditEvents } from "@/lib/audit-log/queries";
import type { SentencePart } from "@/lib/audit-log/sentences";
import { formatDateTime } from "@/lib/format/dates";

export type AuditEvent = Awaited<ReturnType<typeof listAuditEvents>>["events"][number];

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

/** The event in words, its people, organisations and arrangements linked to their pages. */
function Sentence({ parts }: { parts: SentencePart[] }) {
  return (
    <p className="wrap-anywhere">
      {parts.map((part, i) =>
        typeof part === "string" ? (
          part
        ) : (
          <Link key={i} prefetch={false} href={part.href}>
            {part.text}
          </Link>
        ),
      )}
    </p>
  );
}

/** Links to the log narrowed to the event's person or organisation (the filters, in one click). */
function Narrow({ event }: { event: AuditEvent }) {
  const narrowings = [
    event.actorUserId !== null && {
      key: "user",
      query: { user: event.actorUserId },
      text: `Events by ${event.actorName}`,
    },
    event.organisationId !== null && {
      key: "organisation",
      query: { organisation: event.organisationId },
      text: `Events for ${event.organisationName}`,
    },
  ].filter((n) => n !== false);
  if (narrowings.length === 0) return null;
  // Each link at least 24 px high (py-0.5 on 20 px text) and apart: WCAG 2.2's target size.
  return (
    <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink-muted">
      {narrowings.map((n) => (
        <Link
          key={n.key}
          className="py-0.5"
          prefetch={false}
          href={listHref("/admin/audit", n.query)}
        >
          {n.text}
        </Link>
      ))}
    </p>
  );
}

/** The audit log's columns: when (UK time), the event as a sentence, and what it changed. */
export const AUDIT_COLUMNS: Column<AuditEvent>[] = [
  {
    label: "When (UK time)",
    cellClassName: "whitespace-nowrap",
    cell: (event) => <time dateTime={event.at.toISOString()}>{formatDateTime(event.at)}</time>,
  },
  {
    label: "Event",
    rowHeader: true,
    className: "min-w-80",
    cellClassName: "font-normal",
    cell: (event) => (
      <>
        <Sentence parts={event.sentence} />
        <Narrow event={event} />
      </>
    ),
  },
  { label: "Before → after", cell: (event) => <Changes changes={event.changes} /> },
];
