import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { SuccessPanel } from "@/components/forms/success-panel";
import { PageHeader } from "@/components/page-header";
import { listHref, Pagination, showing } from "@/components/pagination";
import { requireAdmin } from "@/lib/auth/access";
import { listQueue, type Queue } from "@/lib/review/queries";
import { formatDateTime } from "@/lib/users/labels";
import { one, type SearchParams } from "../list-params";
import { QueueFilterForm } from "./queue-filter-form";

export const metadata: Metadata = { title: "Review queue" };

const DECIDED: Record<string, string> = {
  approved: "The submission was approved and is now published.",
  rejected: "The submission was returned to the council with your reason.",
};

const COLUMNS = [
  "Arrangement",
  "Organisation",
  "Region",
  "Category",
  "New or edit",
  "Submitted by",
  "Submitted",
].map((label) => ({ label }));

function QueueTable({ queue, filtered }: { queue: Queue; filtered: boolean }) {
  return (
    <DataTable
      id="queue"
      captionClassName="mb-2 text-left text-lg font-semibold"
      caption={
        <>
          {filtered ? "Submissions matching the filters" : "Submissions waiting for review"}
          <span className="block text-base font-normal text-ink-muted">
            {showing(queue)}, oldest first
          </span>
        </>
      }
      columns={COLUMNS}
    >
      {queue.items.map((item) => (
        <tr key={item.revisionId}>
          <th scope="row">
            <Link prefetch={false} href={`/admin/review/${item.revisionId}`}>
              {item.title}
            </Link>
          </th>
          <td>{item.organisationName}</td>
          <td>{item.region ?? "None"}</td>
          <td>{item.categoryName}</td>
          <td>{item.isNew ? "New" : `Edit (version ${item.version})`}</td>
          <td>{item.submittedByName ?? "Unknown"}</td>
          <td className="whitespace-nowrap">{formatDateTime(item.submittedAt)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export default async function ReviewQueuePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const admin = await requireAdmin();
  const params = await searchParams;
  const queue = await listQueue(admin, {
    organisation: one(params.organisation),
    region: one(params.region),
    category: one(params.category),
    kind: one(params.kind),
    page: one(params.page),
  });
  const filters = {
    ...queue.filters,
    organisation: queue.filters.organisation ? String(queue.filters.organisation) : undefined,
  };
  const filtered = Boolean(
    filters.organisation || filters.region || filters.category || filters.kind,
  );
  const decided = DECIDED[one(params.decided) ?? ""];

  return (
    <div>
      {decided ? <SuccessPanel title={decided} /> : null}
      <PageHeader title="Review queue">
        Arrangements councils have submitted for publication, oldest first. Open one to compare it
        with what is published, then approve it or return it with a reason the council will read.
      </PageHeader>

      <QueueFilterForm
        values={filters}
        organisations={queue.organisations.map((o) => ({ value: String(o.id), label: o.name }))}
      />

      {queue.total === 0 ? (
        <p role="status" className="text-lg">
          {filtered ? "No submissions match these filters." : "Nothing is waiting for review."}
        </p>
      ) : (
        <QueueTable queue={queue} filtered={filtered} />
      )}

      <Pagination
        page={queue.page}
        pages={queue.pages}
        href={(page) => listHref("/admin/review", { ...filters, page })}
        label="Pages of submissions"
      />
    </div>
  );
}
