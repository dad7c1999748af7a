import type { Metadata } from "next";
import Link from "next/link";
import type { Column } from "@/components/data-table";
import type { FieldSpec } from "@/components/forms/field-list";
import { FilterForm } from "@/components/forms/filter-form";
import type { SelectOption } from "@/components/forms/select-field";
import { SuccessPanel } from "@/components/forms/success-panel";
import { PageHeader } from "@/components/page-header";
import { listHref, showing } from "@/components/pagination";
import { RecordList } from "@/components/record-list";
import { requireAdmin } from "@/lib/auth/access";
import { SERVICE_CATEGORIES } from "@/lib/categories";
import { REGIONS } from "@/lib/public/regions";
import { formatPence } from "@/lib/money";
import { describeKinds } from "@/lib/review/contributors";
import { OUTLIER_FACTOR } from "@/lib/review/flags";
import { listQueue, type Queue } from "@/lib/review/queries";
import { one, type SearchParams } from "../list-params";
import { formatDateTime } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Review queue" };

const DECIDED: Record<string, string> = {
  approved: "The submission was approved and is now published.",
  rejected: "The submission was returned to the council with your reason.",
};

function filterFields(organisations: SelectOption[]): FieldSpec[] {
  return [
    {
      name: "organisation",
      label: "Organisation",
      placeholder: "Any organisation",
      options: organisations,
    },
    {
      name: "region",
      label: "Region",
      placeholder: "Any region",
      options: REGIONS.map((r) => ({ value: r.slug, label: r.name })),
    },
    {
      name: "category",
      label: "Service category",
      placeholder: "Any category",
      options: SERVICE_CATEGORIES.map((c) => ({ value: c.slug, label: c.name })),
    },
    {
      name: "kind",
      label: "New or edit",
      placeholder: "Both",
      options: [
        { value: "new", label: "New arrangements" },
        { value: "edit", label: "Changes to published arrangements" },
      ],
    },
  ];
}

type QueueItem = Queue["items"][number];

/** Each flag with its reason, or "None". */
function Flags({ item }: { item: QueueItem }) {
  const { outlier, duplicates } = item.flags;
  if (!outlier && duplicates.length === 0) return "None";
  return (
    <ul className="min-w-56 space-y-2" data-testid="queue-flags">
      {outlier ? (
        <li>
          <strong>Outlier:</strong> more than {OUTLIER_FACTOR} times the median total for{" "}
          {item.categoryName}, {formatPence(outlier.medianPence)} (over{" "}
          {outlier.publishedCount.toLocaleString("en-GB")} published arrangements with savings)
        </li>
      ) : null}
      {duplicates.map((d) => (
        <li key={d.slug}>
          <strong>Likely duplicate</strong> of{" "}
          <Link prefetch={false} href={`/arrangements/${d.slug}`}>
            {d.title}
          </Link>{" "}
          (published, same lead and category, title {Math.round(d.similarity * 100)}% similar)
        </li>
      ))}
    </ul>
  );
}

const COLUMNS: Column<QueueItem>[] = [
  {
    label: "Arrangement",
    rowHeader: true,
    cell: (item) => (
      <Link prefetch={false} href={`/admin/review/${item.revisionId}`}>
        {item.title}
      </Link>
    ),
  },
  { label: "Organisation", cell: (item) => item.organisationName },
  { label: "Region", cell: (item) => item.region ?? "None" },
  { label: "Category", cell: (item) => item.categoryName },
  {
    label: "Total savings",
    numeric: true,
    cellClassName: "whitespace-nowrap",
    cell: (item) => formatPence(item.totalPence),
  },
  { label: "Flags", cell: (item) => <Flags item={item} /> },
  { label: "New or edit", cell: (item) => (item.isNew ? "New" : `Edit (version ${item.version})`) },
  { label: "Submitted by", cell: (item) => item.submittedByName ?? "Unknown" },
  {
    label: "Submitted",
    cellClassName: "whitespace-nowrap",
    cell: (item) => formatDateTime(item.submittedAt),
  },
  {
    label: "Partners",
    cell: (item) =>
      item.disputedPartners > 0 ? (
        <strong className="text-error">{item.disputedPartners} disputed</strong>
      ) : (
        "None disputed"
      ),
  },
  {
    label: "Four eyes",
    cell: (item) =>
      item.yourPart.length > 0 ? (
        <strong>You {describeKinds(item.yourPart)} it: another administrator decides</strong>
      ) : (
        "You may decide"
      ),
  },
];

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
    organisation: queue.filters.organisation ? String(queue.filters.organisation) : undefined,
    region: queue.filters.region,
    category: queue.filters.category,
    kind: queue.filters.kind,
  };
  const filtered = Object.values(filters).some(Boolean);
  const decided = DECIDED[one(params.decided) ?? ""];

  return (
    <div>
      {decided ? <SuccessPanel title={decided} /> : null}
      <PageHeader title="Review queue">
        Arrangements councils have submitted for publication, oldest first. Open one to compare it
        with what is published, then approve it or return it with a reason the council will read.
      </PageHeader>

      <FilterForm
        action="/admin/review"
        label="Review queue"
        submitLabel="Filter"
        fields={filterFields(
          queue.organisations.map((o) => ({ value: String(o.id), label: o.name })),
        )}
        values={filters}
      />

      <RecordList
        id="queue"
        title={filtered ? "Submissions matching the filters" : "Submissions waiting for review"}
        detail={`${showing(queue)}, oldest first`}
        columns={COLUMNS}
        rows={queue.items}
        rowKey={(item) => item.revisionId}
        list={queue}
        empty={filtered ? "No submissions match these filters." : "Nothing is waiting for review."}
        href={(page) => listHref("/admin/review", { ...filters, page })}
        label="Pages of submissions"
      />
    </div>
  );
}
