import type { Metadata } from "next";
import Link from "next/link";
import { SuccessPanel } from "@/components/forms/success-panel";
import { listHref, Pagination, showing } from "@/components/review/pagination";
import { requireAdmin } from "@/lib/auth/access";
import { SERVICE_CATEGORIES } from "@/lib/categories";
import { REGIONS } from "@/lib/public/regions";
import { listQueue } from "@/lib/review/queries";
import { formatDateTime } from "@/lib/format/dates";
import { QueueFilterForm } from "./queue-filter-form";

export const metadata: Metadata = { title: "Review queue" };

type SearchParams = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

const DECIDED: Record<string, string> = {
  approved: "The submission was approved and is now published.",
  rejected: "The submission was returned to the council with your reason.",
};

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
  const { filters } = queue;
  const filtered = Boolean(
    filters.organisation || filters.region || filters.category || filters.kind,
  );
  const pageHref = (page: number) => listHref("/admin/review", { ...filters, page });
  const decided = one(params.decided);

  return (
    <div>
      {decided && DECIDED[decided] ? <SuccessPanel title={DECIDED[decided]} /> : null}
      <h1 className="text-3xl font-bold">Review queue</h1>
      <p className="mt-2 mb-6 max-w-3xl text-ink-muted">
        Arrangements councils have submitted for publication, oldest first. Open one to compare it
        with what is published, then approve it or return it with a reason the council will read.
      </p>

      <QueueFilterForm
        key={JSON.stringify(filters)}
        organisation={filters.organisation ? String(filters.organisation) : undefined}
        region={filters.region}
        category={filters.category}
        kind={filters.kind}
        organisations={queue.organisations.map((o) => ({ value: String(o.id), label: o.name }))}
        regions={REGIONS.map((r) => ({ value: r.slug, label: r.name }))}
        categories={SERVICE_CATEGORIES.map((c) => ({ value: c.slug, label: c.name }))}
      />

      {queue.total === 0 ? (
        <p role="status" className="text-lg">
          {filtered ? "No submissions match these filters." : "Nothing is waiting for review."}
        </p>
      ) : (
        <div
          className="relative overflow-x-auto"
          role="region"
          aria-labelledby="queue-caption"
          tabIndex={0}
        >
          <table className="w-full border-collapse text-left">
            <caption id="queue-caption" className="mb-2 text-left text-lg font-semibold">
              {filtered ? "Submissions matching the filters" : "Submissions waiting for review"}
              <span className="block text-base font-normal text-ink-muted">
                {showing(queue)}, oldest first
              </span>
            </caption>
            <thead>
              <tr className="border-b-2 border-rule-strong">
                <th scope="col" className="py-2 pr-4">
                  Arrangement
                </th>
                <th scope="col" className="py-2 pr-4">
                  Organisation
                </th>
                <th scope="col" className="py-2 pr-4">
                  Region
                </th>
                <th scope="col" className="py-2 pr-4">
                  Category
                </th>
                <th scope="col" className="py-2 pr-4">
                  New or edit
                </th>
                <th scope="col" className="py-2 pr-4">
                  Submitted by
                </th>
                <th scope="col" className="py-2">
                  Submitted
                </th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((item) => (
                <tr key={item.revisionId} className="border-b border-rule align-top">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    <Link prefetch={false} href={`/admin/review/${item.revisionId}`}>
                      {item.title}
                    </Link>
                  </th>
                  <td className="py-2 pr-4">{item.organisationName}</td>
                  <td className="py-2 pr-4">{item.region ?? "None"}</td>
                  <td className="py-2 pr-4">{item.categoryName}</td>
                  <td className="py-2 pr-4">
                    {item.isNew ? "New" : `Edit (version ${item.version})`}
                  </td>
                  <td className="py-2 pr-4">{item.submittedByName ?? "Unknown"}</td>
                  <td className="py-2 whitespace-nowrap">{formatDateTime(item.submittedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pagination
        page={queue.page}
        pages={queue.pages}
        href={pageHref}
        label="Pages of submissions"
      />
    </div>
  );
}
