import type { Metadata } from "next";
import Link from "next/link";
import { SuccessPanel } from "@/components/forms/success-panel";
import { ScrollRegion } from "@/components/scroll-region";
import { listWorkspace, type WorkspaceItem } from "@/lib/arrangements/queries";
import { STATUS_LABELS } from "@/lib/arrangements/state";
import { requireUser } from "@/lib/auth/access";
import { formatDateTime } from "@/lib/format/dates";
import { NOTICES, type Notice } from "./form-state";

export const metadata: Metadata = { title: "Your workspace" };

// Links to each arrangement are not prefetched: every one is a signed-in page rendered on the
// server, and a long list would render them all on each visit (as in the admin lists).

const GROUPS: {
  key: "drafts" | "submitted" | "published" | "pending" | "rejected";
  heading: string;
  empty: string;
}[] = [
  { key: "rejected", heading: "Returned with comments", empty: "Nothing has been returned." },
  { key: "drafts", heading: "Drafts", empty: "No drafts." },
  {
    key: "submitted",
    heading: "Submitted, awaiting review",
    empty: "Nothing is waiting for review.",
  },
  {
    key: "pending",
    heading: "Published, with changes pending",
    empty: "No published arrangement has changes pending.",
  },
  { key: "published", heading: "Published", empty: "Nothing is published yet." },
];

export default async function WorkspacePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const workspace = await listWorkspace(user);
  const { notice } = await searchParams;
  const noticeText =
    typeof notice === "string" && notice in NOTICES ? NOTICES[notice as Notice] : null;

  if (!workspace) {
    return (
      <div className="max-w-2xl">
        <h1 className="text-3xl font-bold">Workspace</h1>
        <p className="mt-4">
          The workspace is where council staff keep their own organisation&apos;s arrangements up to
          date. Your account does not belong to an organisation, so there is nothing to edit here.
        </p>
        {user.role === "admin" ? (
          <p className="mt-2">
            As an administrator you review what councils submit before it is published.
          </p>
        ) : (
          <p className="mt-2">
            If you should be editing for a council, ask an administrator to add you to it.
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="max-w-5xl">
      {noticeText ? <SuccessPanel title={noticeText} /> : null}
      <h1 className="text-3xl font-bold">Your workspace</h1>
      <p className="mt-2 text-ink-muted">
        Your organisation&apos;s arrangements ({workspace.counts.total}). Changes are published once
        an administrator has approved them.
      </p>
      <p className="mt-4 flex flex-wrap gap-4">
        <Link href="/workspace/new" className="button">
          Add an arrangement
        </Link>
        <Link href="/workspace/import" className="button button-secondary">
          Import from a spreadsheet
        </Link>
      </p>

      {GROUPS.map((group) => {
        const items = workspace.groups[group.key];
        const headingId = `group-${group.key}`;
        return (
          <section key={group.key} aria-labelledby={headingId} className="mt-10">
            <h2 id={headingId} className="text-2xl font-bold">
              {group.heading} <span className="font-normal text-ink-muted">({items.length})</span>
            </h2>
            {items.length === 0 ? (
              <p className="mt-2 text-ink-muted">{group.empty}</p>
            ) : group.key === "rejected" ? (
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
                    <p className="mt-3 flex gap-4">
                      <Link prefetch={false} href={`/workspace/${item.arrangementId}/edit`}>
                        Edit<span className="sr-only"> {item.title}</span>
                      </Link>
                      <Link prefetch={false} href={`/workspace/${item.arrangementId}/preview`}>
                        Preview<span className="sr-only"> {item.title}</span>
                      </Link>
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <ItemsTable caption={group.heading} items={items} />
            )}
          </section>
        );
      })}

      <section aria-labelledby="partner-of" className="mt-12">
        <h2 id="partner-of" className="text-2xl font-bold">
          Arrangements you are a partner in{" "}
          <span className="font-normal text-ink-muted">({workspace.partnerOf.length})</span>
        </h2>
        <p className="mt-2 text-ink-muted">
          Published arrangements led by another organisation. Only the lead organisation can change
          them.
        </p>
        {workspace.partnerOf.length === 0 ? (
          <p className="mt-2">None.</p>
        ) : (
          <ScrollRegion label="Table: arrangements you are a partner in" className="mt-3">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Arrangements you are a partner in</caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className="py-2 pr-4">
                    Title
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Lead organisation
                  </th>
                  <th scope="col" className="py-2">
                    Stage
                  </th>
                </tr>
              </thead>
              <tbody>
                {workspace.partnerOf.map((item) => (
                  <tr key={item.arrangementId} className="border-b border-rule">
                    <td className="py-2 pr-4">{item.title}</td>
                    <td className="py-2 pr-4">{item.leadOrganisationName}</td>
                    <td className="py-2 capitalize">{item.stage}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </div>
  );
}

function ItemsTable({ caption, items }: { caption: string; items: WorkspaceItem[] }) {
  return (
    <ScrollRegion label={`Table: ${caption}`} className="mt-3">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-4">
              Title
            </th>
            <th scope="col" className="py-2 pr-4">
              Status
            </th>
            <th scope="col" className="py-2 pr-4">
              Last changed
            </th>
            <th scope="col" className="py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const readOnly = item.status.endsWith("submitted");
            return (
              <tr key={item.arrangementId} className="border-b border-rule align-top">
                <td className="py-2 pr-4">
                  <Link prefetch={false} href={`/workspace/${item.arrangementId}/preview`}>
                    {item.title}
                  </Link>
                  {item.publishedTitle && item.publishedTitle !== item.title ? (
                    <span className="block text-ink-muted">
                      Published as “{item.publishedTitle}”
                    </span>
                  ) : null}
                </td>
                <td className="py-2 pr-4">{STATUS_LABELS[item.status]}</td>
                <td className="py-2 pr-4">
                  {formatDateTime(item.submittedAt && readOnly ? item.submittedAt : item.updatedAt)}
                </td>
                <td className="py-2 whitespace-nowrap">
                  {readOnly ? null : (
                    <Link
                      prefetch={false}
                      href={`/workspace/${item.arrangementId}/edit`}
                      className="mr-4"
                    >
                      Edit<span className="sr-only"> {item.title}</span>
                    </Link>
                  )}
                  <Link prefetch={false} href={`/workspace/${item.arrangementId}/preview`}>
                    Preview<span className="sr-only"> {item.title}</span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
