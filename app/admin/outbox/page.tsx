import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { listHref, Pagination, showing } from "@/components/pagination";
import { requireAdmin } from "@/lib/auth/access";
import { listOutbox } from "@/lib/mail";
import { formatDateTime } from "@/lib/users/labels";
import { one, type SearchParams } from "../list-params";
import { OutboxFilterForm } from "./outbox-filter-form";

export const metadata: Metadata = { title: "Outbox" };

const PAGE_SIZE = 25;

type Message = Awaited<ReturnType<typeof listOutbox>>["messages"][number];

const COLUMNS = [{ label: "Sent" }, { label: "To" }, { label: "Subject and message" }];

function MessagesTable({ messages, caption }: { messages: Message[]; caption: React.ReactNode }) {
  return (
    <DataTable
      id="outbox"
      captionClassName="mb-2 text-left text-lg font-semibold"
      caption={caption}
      columns={COLUMNS}
    >
      {messages.map((message) => (
        <tr key={message.id}>
          <td className="whitespace-nowrap">{formatDateTime(message.createdAt)}</td>
          <td className="break-all">{message.toAddress}</td>
          <td>
            <details>
              <summary className="cursor-pointer font-semibold">{message.subject}</summary>
              <pre className="mt-2 max-w-3xl overflow-x-auto bg-surface p-3 font-mono text-sm whitespace-pre-wrap wrap-anywhere">
                {message.body}
              </pre>
            </details>
          </td>
        </tr>
      ))}
    </DataTable>
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
  const { messages, total } = await listOutbox({
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    to,
  });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div>
      <PageHeader title="Outbox">
        Email the site would have sent. With no mail server configured (SMTP_URL), invitations and
        password reset links are kept here instead, newest first. Links in them work until they are
        used or expire, so treat this page as confidential.
      </PageHeader>

      <OutboxFilterForm to={to} />

      {messages.length === 0 ? (
        <p role="status" className="text-lg">
          {emptyText(to, page)}
        </p>
      ) : (
        <MessagesTable
          messages={messages}
          caption={
            <>
              {to ? `Messages to ${to}` : "All messages"}
              <span className="block text-base font-normal text-ink-muted">
                {showing({ page, pageSize: PAGE_SIZE, total })}, newest first
              </span>
            </>
          }
        />
      )}

      <Pagination
        page={Math.min(page, pages)}
        pages={pages}
        href={(n) => listHref("/admin/outbox", { to, page: n })}
        label="Pages of messages"
        previous="Newer messages"
        next="Older messages"
      />
    </div>
  );
}
