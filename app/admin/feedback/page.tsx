import type { Metadata } from "next";
import type { Column } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { listHref, showing } from "@/components/pagination";
import { RecordList } from "@/components/record-list";
import { requireAdmin } from "@/lib/auth/access";
import { listFeedback, type FeedbackRow } from "@/lib/feedback/queries";
import { RETENTION_MONTHS } from "@/lib/feedback/limits";
import { formatDateTime } from "@/lib/format/dates";
import { one, type SearchParams } from "../list-params";
import { HandledForm } from "./handled-form";

export const metadata: Metadata = { title: "Feedback" };

const PAGE_SIZE = 25;

function Sender({ row }: { row: FeedbackRow }) {
  if (!row.name && !row.email) return <span className="text-ink-muted">Not given</span>;
  return (
    <>
      {row.name ? <span className="block">{row.name}</span> : null}
      {row.email ? (
        <a className="block break-all" href={`mailto:${row.email}`}>
          {row.email}
        </a>
      ) : null}
    </>
  );
}

const COLUMNS: Column<FeedbackRow>[] = [
  {
    label: "Received",
    cellClassName: "whitespace-nowrap",
    cell: (row) => (
      <>
        <span className="block font-semibold">Message {row.id}</span>
        {formatDateTime(row.receivedAt)}
      </>
    ),
  },
  { label: "From", cell: (row) => <Sender row={row} /> },
  {
    label: "Message",
    cell: (row) => (
      <>
        {row.page ? (
          <p className="mb-2 wrap-anywhere">
            <span className="font-semibold">About:</span> {row.page}
          </p>
        ) : null}
        <p className="max-w-2xl whitespace-pre-wrap wrap-anywhere">{row.message}</p>
      </>
    ),
  },
  {
    label: "Handled",
    cell: (row) =>
      row.handledAt ? (
        <>
          Handled by {row.handledBy?.name ?? "an administrator"} on {formatDateTime(row.handledAt)}
        </>
      ) : (
        <HandledForm id={row.id} />
      ),
  },
];

/** Feedback from the contact page, newest first; each is marked handled once dealt with. */
export default async function FeedbackPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireAdmin();
  const params = await searchParams;
  const requested = one(params.page);
  const page = requested && /^\d{1,6}$/.test(requested) ? Math.max(1, Number(requested)) : 1;
  const { rows, total, unhandled } = await listFeedback({
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div>
      <PageHeader title="Feedback">
        Messages sent from the contact page&apos;s feedback form, newest first. Each is also emailed
        to every administrator. Mark a message handled once it has been dealt with. Messages are
        deleted {RETENTION_MONTHS} months after they arrive.
      </PageHeader>

      <RecordList
        id="feedback"
        title={`Messages (${unhandled.toLocaleString("en-GB")} not yet handled)`}
        detail={`${showing({ page, pageSize: PAGE_SIZE, total })}, newest first`}
        columns={COLUMNS}
        rows={rows}
        rowKey={(row) => row.id}
        list={{ total: rows.length, page: Math.min(page, pages), pages }}
        empty={page > 1 ? "There are no messages on this page." : "No feedback has been sent yet."}
        href={(n) => listHref("/admin/feedback", { page: n })}
        label="Pages of feedback"
        previous="Newer messages"
        next="Older messages"
      />
    </div>
  );
}
