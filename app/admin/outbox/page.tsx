import type { Metadata } from "next";
import type { Column } from "@/components/data-table";
import type { FieldSpec } from "@/components/forms/field-list";
import { FilterForm } from "@/components/forms/filter-form";
import { PageHeader } from "@/components/page-header";
import { listHref, showing } from "@/components/pagination";
import { RecordList } from "@/components/record-list";
import { requireAdmin } from "@/lib/auth/access";
import { env } from "@/lib/env";
import type { OutboxMessage } from "@/lib/mail";
import { readOutbox, type OutboxMode } from "@/lib/outbox";
import { one, type SearchParams } from "../list-params";
import { formatDateTime } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Outbox" };

const PAGE_SIZE = 25;

const FILTERS: FieldSpec[] = [
  {
    kind: "text",
    type: "email",
    name: "to",
    label: "Sent to",
    hint: "The full email address, in any case.",
  },
];

const COLUMNS: Column<OutboxMessage>[] = [
  {
    label: "Sent",
    cellClassName: "whitespace-nowrap",
    cell: (message) => formatDateTime(message.createdAt),
  },
  { label: "To", cellClassName: "break-all", cell: (message) => message.toAddress },
  {
    label: "Subject and message",
    cell: (message) => (
      <details>
        <summary className="cursor-pointer font-semibold">{message.subject}</summary>
        <pre className="mt-2 max-w-3xl overflow-x-auto bg-surface p-3 font-mono text-sm whitespace-pre-wrap wrap-anywhere">
          {message.body}
        </pre>
      </details>
    ),
  },
];

const INTRO: Record<Exclude<OutboxMode, "hidden">, string> = {
  shown:
    "Email the site would have sent. With no mail server configured (SMTP_URL), invitations and password reset links are kept here instead, newest first. Links in them work until they are used or expire, so treat this page as confidential.",
  redacted:
    "Email kept before a mail server was configured, newest first. Mail is sent now; links in these messages are removed, because only their recipients may use them.",
};

/** Production without SMTP: the outbox holds live links, so nobody reads it here. */
function HiddenOutbox() {
  return (
    <div>
      <PageHeader title="Outbox">
        No mail server is configured (SMTP_URL), so the site keeps its mail in the outbox instead of
        sending it. That mail holds live invitation and password reset links, which only their
        recipients may use, so it is not shown here.
      </PageHeader>
      <p className="max-w-3xl">
        Ask whoever runs the site to set SMTP_URL so that mail is sent. On a test site only,
        MAIL_OUTBOX_VISIBLE=true shows the outbox here.
      </p>
    </div>
  );
}

function emptyText(to: string | undefined, page: number): string {
  if (to) return `No messages to ${to}.`;
  return page > 1 ? "There are no messages on this page." : "The outbox is empty.";
}

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireAdmin();
  const params = await searchParams;
  const to = one(params.to)?.trim().slice(0, 320) || undefined;
  const requested = one(params.page);
  const page = requested && /^\d{1,6}$/.test(requested) ? Math.max(1, Number(requested)) : 1;
  const view = await readOutbox(env(), {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    to,
  });
  if (view.mode === "hidden") return <HiddenOutbox />;
  const { messages, total } = view;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div>
      <PageHeader title="Outbox">{INTRO[view.mode]}</PageHeader>

      <FilterForm
        action="/admin/outbox"
        label="Outbox"
        submitLabel="Show messages"
        clearLabel="Show all"
        columns={1}
        fields={FILTERS}
        values={{ to }}
      />

      <RecordList
        id="outbox"
        title={to ? `Messages to ${to}` : "All messages"}
        detail={`${showing({ page, pageSize: PAGE_SIZE, total })}, newest first`}
        columns={COLUMNS}
        rows={messages}
        rowKey={(message) => message.id}
        list={{ total: messages.length, page: Math.min(page, pages), pages }}
        empty={emptyText(to, page)}
        href={(n) => listHref("/admin/outbox", { to, page: n })}
        label="Pages of messages"
        previous="Newer messages"
        next="Older messages"
      />
    </div>
  );
}
