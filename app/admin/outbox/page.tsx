import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/access";
import { listOutbox } from "@/lib/mail";
import { formatDateTime } from "@/lib/format/dates";
import { OutboxFilterForm } from "./outbox-filter-form";

export const metadata: Metadata = { title: "Outbox" };

const PAGE_SIZE = 25;

type SearchParams = Record<string, string | string[] | undefined>;

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireAdmin();
  const params = await searchParams;
  const to =
    typeof params.to === "string" && params.to.trim() ? params.to.trim().slice(0, 320) : undefined;
  const requested =
    typeof params.page === "string" && /^\d{1,6}$/.test(params.page) ? Number(params.page) : 1;
  const page = Math.max(1, requested);
  const { messages, total } = await listOutbox({
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    to,
  });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  const pageHref = (n: number) => {
    const query = new URLSearchParams();
    if (to) query.set("to", to);
    if (n > 1) query.set("page", String(n));
    const text = query.toString();
    return text ? `/admin/outbox?${text}` : "/admin/outbox";
  };
  const first = (page - 1) * PAGE_SIZE + 1;

  return (
    <div>
      <h1 className="text-3xl font-bold">Outbox</h1>
      <p className="mt-2 mb-6 max-w-3xl text-ink-muted">
        Email the site would have sent. With no mail server configured (SMTP_URL), invitations and
        password reset links are kept here instead, newest first. Links in them work until they are
        used or expire, so treat this page as confidential.
      </p>

      {/* Keyed by the filter, so following a link (e.g. "Show all") resets the field. */}
      <OutboxFilterForm key={to ?? ""} to={to} />

      {messages.length === 0 ? (
        <p role="status" className="text-lg">
          {to
            ? `No messages to ${to}.`
            : page > 1
              ? "There are no messages on this page."
              : "The outbox is empty."}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="mb-2 text-left text-lg font-semibold">
              {to ? `Messages to ${to}` : "All messages"}
              <span className="block text-base font-normal text-ink-muted">
                Showing {first.toLocaleString("en-GB")} to{" "}
                {(first + messages.length - 1).toLocaleString("en-GB")} of{" "}
                {total.toLocaleString("en-GB")}, newest first
              </span>
            </caption>
            <thead>
              <tr className="border-b-2 border-rule-strong">
                <th scope="col" className="py-2 pr-4">
                  Sent
                </th>
                <th scope="col" className="py-2 pr-4">
                  To
                </th>
                <th scope="col" className="py-2">
                  Subject and message
                </th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id} className="border-b border-rule align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">
                    {formatDateTime(message.createdAt)}
                  </td>
                  <td className="py-2 pr-4 break-all">{message.toAddress}</td>
                  <td className="py-2">
                    <details>
                      <summary className="cursor-pointer font-semibold">{message.subject}</summary>
                      <pre className="mt-2 max-w-3xl overflow-x-auto bg-surface p-3 font-mono text-sm whitespace-pre-wrap wrap-anywhere">
                        {message.body}
                      </pre>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 ? (
        <nav aria-label="Pages of messages" className="mt-6 flex flex-wrap items-center gap-6">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} rel="prev">
              Newer messages
            </Link>
          ) : null}
          <span>
            Page {Math.min(page, pages)} of {pages}
          </span>
          {page < pages ? (
            <Link href={pageHref(page + 1)} rel="next">
              Older messages
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
