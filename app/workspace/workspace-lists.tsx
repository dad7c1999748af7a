import Link from "next/link";
import { DataTable } from "@/components/data-table";
import type { WorkspaceItem } from "@/lib/arrangements/queries";
import { STATUS_LABELS } from "@/lib/arrangements/state";
import { formatDateTime } from "@/lib/users/labels";

// Links to each arrangement are not prefetched: every one is a signed-in page rendered on the
// server, and a long list would render them all on each visit (as in the admin lists).

/** "Edit" and "Preview" for one arrangement, named for screen readers by its title. */
function ItemLinks({ item, edit }: { item: WorkspaceItem; edit: boolean }) {
  const base = `/workspace/${item.arrangementId}`;
  return (
    <>
      {edit ? (
        <Link prefetch={false} href={`${base}/edit`} className="mr-4">
          Edit<span className="sr-only"> {item.title}</span>
        </Link>
      ) : null}
      <Link prefetch={false} href={`${base}/preview`}>
        Preview<span className="sr-only"> {item.title}</span>
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
              {item.title}
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

const ITEM_COLUMNS = [
  { label: "Title" },
  { label: "Status" },
  { label: "Last changed" },
  { label: <span className="sr-only">Actions</span> },
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
    >
      {items.map((item) => {
        const readOnly = item.status.endsWith("submitted");
        return (
          <tr key={item.arrangementId}>
            <td>
              <Link prefetch={false} href={`/workspace/${item.arrangementId}/preview`}>
                {item.title}
              </Link>
              {item.publishedTitle && item.publishedTitle !== item.title ? (
                <span className="block text-ink-muted">Published as “{item.publishedTitle}”</span>
              ) : null}
            </td>
            <td>{STATUS_LABELS[item.status]}</td>
            <td>
              {formatDateTime(item.submittedAt && readOnly ? item.submittedAt : item.updatedAt)}
            </td>
            <td className="whitespace-nowrap">
              <ItemLinks item={item} edit={!readOnly} />
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

const PARTNER_COLUMNS = [{ label: "Title" }, { label: "Lead organisation" }, { label: "Stage" }];

/** Published arrangements another organisation leads, with this one as a partner. */
export function PartnerOfTable({
  items,
}: {
  items: { arrangementId: number; title: string; leadOrganisationName: string; stage: string }[];
}) {
  return (
    <DataTable
      id="partner-of-table"
      caption="Arrangements you are a partner in"
      captionClassName="sr-only"
      regionLabel="Table: arrangements you are a partner in"
      regionClassName="mt-3"
      columns={PARTNER_COLUMNS}
    >
      {items.map((item) => (
        <tr key={item.arrangementId}>
          <td>{item.title}</td>
          <td>{item.leadOrganisationName}</td>
          <td className="capitalize">{item.stage}</td>
        </tr>
      ))}
    </DataTable>
  );
}
