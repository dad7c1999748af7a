import Link from "next/link";
import { DataTable, type Column } from "@/components/data-table";
import { describeCompleteness, draftTitle } from "@/lib/arrangements/completeness";
import type { WorkspaceItem } from "@/lib/arrangements/queries";
import { STATUS_LABELS } from "@/lib/arrangements/state";
import { formatDateTime } from "@/lib/format/dates";

// Links to each arrangement are not prefetched: every one is a signed-in page rendered on the
// server, and a long list would render them all on each visit (as in the admin lists).

/** "Edit" and "Preview" for one arrangement, named for screen readers by its title. */
function ItemLinks({ item, edit }: { item: WorkspaceItem; edit: boolean }) {
  const base = `/workspace/${item.arrangementId}`;
  return (
    <>
      {edit ? (
        <Link prefetch={false} href={`${base}/edit`} className="mr-4">
          Edit<span className="sr-only"> {draftTitle(item.title)}</span>
        </Link>
      ) : null}
      <Link prefetch={false} href={`${base}/preview`}>
        Preview<span className="sr-only"> {draftTitle(item.title)}</span>
      </Link>
    </>
  );
}

/** Arrangements returned by a reviewer, each with the reason, so the editor sees it first. */
export function ReturnedList({ items }: { items: WorkspaceItem[] }) {
  return (
    <ul className="mt-3 space-y-4">
      {items.map((item) => (
        <li key={item.arrangementId} className="border-l-8 border-error bg-surface p-4">
          <h3 className="text-lg font-bold">
            <Link prefetch={false} href={`/workspace/${item.arrangementId}/preview`}>
              {draftTitle(item.title)}
            </Link>
          </h3>
          <p className="text-ink-muted">
            {STATUS_LABELS[item.status]}
            {item.reviewedAt ? ` on ${formatDateTime(item.reviewedAt)}` : ""}
          </p>
          <p className="mt-2 font-semibold">Reviewer&apos;s reason</p>
          <p className="whitespace-pre-line">{item.reviewNote ?? "No reason given."}</p>
          <p className="mt-3">
            <ItemLinks item={item} edit />
          </p>
        </li>
      ))}
    </ul>
  );
}

const readOnly = (item: WorkspaceItem) => item.status.endsWith("submitted");

const ITEM_COLUMNS: Column<WorkspaceItem>[] = [
  {
    label: "Title",
    cell: (item) => (
      <>
        <Link prefetch={false} href={`/workspace/${item.arrangementId}/preview`}>
          {draftTitle(item.title)}
        </Link>
        {item.publishedTitle && item.publishedTitle !== item.title ? (
          <span className="block text-ink-muted">Published as “{item.publishedTitle}”</span>
        ) : null}
        {item.inheritedFrom ? (
          <span className="block text-ink-muted">
            Led by {item.inheritedFrom}, now part of yours
          </span>
        ) : null}
      </>
    ),
  },
  {
    label: "Status",
    cell: (item) => (
      <>
        {STATUS_LABELS[item.status]}
        {item.completeness ? (
          <span className="block text-ink-muted">
            {describeCompleteness(item.completeness)}
            {item.completeness.ready ? "" : ` (to do: ${item.completeness.toDo.join(", ")})`}
          </span>
        ) : null}
      </>
    ),
  },
  {
    label: "Last changed",
    cell: (item) =>
      formatDateTime(item.submittedAt && readOnly(item) ? item.submittedAt : item.updatedAt),
  },
  {
    label: <span className="sr-only">Actions</span>,
    cellClassName: "whitespace-nowrap",
    cell: (item) => <ItemLinks item={item} edit={!readOnly(item)} />,
  },
];

/** One state's arrangements: title (and the published title, if it differs), status, date. */
export function ItemsTable({ caption, items }: { caption: string; items: WorkspaceItem[] }) {
  return (
    <DataTable
      id={`items-${caption.replace(/\W+/g, "-").toLowerCase()}`}
      caption={caption}
      captionClassName="sr-only"
      regionLabel={`Table: ${caption}`}
      regionClassName="mt-3"
      columns={ITEM_COLUMNS}
      rows={items}
      rowKey={(item) => item.arrangementId}
    />
  );
}

type PartnerOf = {
  arrangementId: number;
  title: string;
  leadOrganisationName: string;
  stage: string;
};

const PARTNER_COLUMNS: Column<PartnerOf>[] = [
  { label: "Title", cell: (item) => item.title },
  { label: "Lead organisation", cell: (item) => item.leadOrganisationName },
  { label: "Stage", cellClassName: "capitalize", cell: (item) => item.stage },
  {
    label: <span className="sr-only">Actions</span>,
    cellClassName: "whitespace-nowrap",
    cell: (item) => (
      <Link prefetch={false} href={`/workspace/partners/${item.arrangementId}`}>
        Confirm or dispute<span className="sr-only"> {item.title}</span>
      </Link>
    ),
  },
];

/** Published arrangements another organisation leads, with this one as a partner. */
export function PartnerOfTable({ items }: { items: PartnerOf[] }) {
  return (
    <DataTable
      id="partner-of-table"
      caption="Arrangements you are a partner in"
      captionClassName="sr-only"
      regionLabel="Table: arrangements you are a partner in"
      regionClassName="mt-3"
      columns={PARTNER_COLUMNS}
      rows={items}
      rowKey={(item) => item.arrangementId}
    />
  );
}
