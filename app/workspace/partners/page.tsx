import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable, type Column } from "@/components/data-table";
import { SuccessPanel } from "@/components/forms/success-panel";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/access";
import { ANSWERED_NOTICES, CONFIRMATION_LABELS } from "@/lib/confirmations/labels";
import { listPartnerRequests, type PartnerRequest } from "@/lib/confirmations/queries";
import { formatDateTime } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Arrangements naming your organisation" };

const COLUMNS: Column<PartnerRequest>[] = [
  {
    label: "Arrangement",
    rowHeader: true,
    cell: (r) => (
      <Link prefetch={false} href={`/workspace/partners/${r.arrangementId}`}>
        {r.title}
      </Link>
    ),
  },
  { label: "Lead organisation", cell: (r) => r.leadName },
  {
    label: "Your organisation’s answer",
    cell: (r) =>
      r.state === "pending" ? (
        <strong>{CONFIRMATION_LABELS.pending}</strong>
      ) : (
        `${CONFIRMATION_LABELS[r.state]}${r.answeredAt ? ` on ${formatDateTime(r.answeredAt)}` : ""}`
      ),
  },
  { label: "Asked", cellClassName: "whitespace-nowrap", cell: (r) => formatDateTime(r.askedAt) },
];

export default async function PartnerRequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const requests = await listPartnerRequests(user);
  if (!requests) notFound();
  const answered = (await searchParams).answered;
  const notice =
    typeof answered === "string" && answered in ANSWERED_NOTICES
      ? ANSWERED_NOTICES[answered as keyof typeof ANSWERED_NOTICES]
      : null;
  const waiting = requests.filter((r) => r.state === "pending").length;

  return (
    <div className="max-w-5xl">
      {notice ? <SuccessPanel title={notice} /> : null}
      <PageHeader
        title="Arrangements naming your organisation"
        back={{ href: "/workspace", label: "Back to your workspace" }}
      >
        When another organisation submits an arrangement naming yours as a partner, you are asked to
        confirm that your organisation takes part, or to dispute it and say why. Administrators see
        each answer before they publish it.
      </PageHeader>
      {requests.length === 0 ? (
        <p>No arrangement has named your organisation as a partner yet.</p>
      ) : (
        <DataTable
          id="partner-requests"
          caption={`${requests.length} arrangement${requests.length === 1 ? "" : "s"}, ${waiting} waiting for your answer`}
          columns={COLUMNS}
          rows={requests}
          rowKey={(r) => r.arrangementId}
        />
      )}
    </div>
  );
}
