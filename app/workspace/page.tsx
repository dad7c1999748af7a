import type { Metadata } from "next";
import Link from "next/link";
import { SuccessPanel } from "@/components/forms/success-panel";
import { listPastForecasts } from "@/lib/arrangements/past-forecasts";
import { listWorkspace } from "@/lib/arrangements/queries";
import { requireUser, type CurrentUser } from "@/lib/auth/access";
import { listPartnerRequests, type PartnerRequest } from "@/lib/confirmations/queries";
import { noticeText } from "./form-state";
import { PastForecastsSection } from "./past-forecasts-table";
import { ItemsTable, PartnerOfTable, ReturnedList } from "./workspace-lists";

export const metadata: Metadata = { title: "Your workspace" };

type Workspace = NonNullable<Awaited<ReturnType<typeof listWorkspace>>>;

const GROUPS: {
  key: keyof Workspace["groups"];
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

/** Signed in, but not for a council: say what the workspace is for. */
function NoOrganisation({ user }: { user: CurrentUser }) {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Workspace</h1>
      <p className="mt-4">
        The workspace is where council staff keep their own organisation&apos;s arrangements up to
        date. Your account does not belong to an organisation, so there is nothing to edit here.
      </p>
      <p className="mt-2">
        {user.role === "admin"
          ? "As an administrator you review what councils submit before it is published."
          : "If you should be editing for a council, ask an administrator to add you to it."}
      </p>
    </div>
  );
}

/** A section with its heading and count, and the list, or a sentence when it is empty. */
function GroupSection({
  id,
  heading,
  count,
  children,
}: {
  id: string;
  heading: string;
  count: number;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="text-2xl font-bold">
        {heading} <span className="font-normal text-ink-muted">({count})</span>
      </h2>
      {children}
    </section>
  );
}

/** The workspace's notice of arrangements naming the organisation as a partner (issue 13). */
function PartnerRequestsNotice({ requests }: { requests: PartnerRequest[] }) {
  const waiting = requests.filter((r) => r.state === "pending").length;
  if (requests.length === 0) return null;
  return (
    <section
      aria-labelledby="partner-requests-heading"
      className={`mt-8 border-l-8 ${waiting ? "border-notice bg-notice-bg" : "border-rule-strong bg-surface"} p-4`}
      data-testid="partner-requests-notice"
    >
      <h2 id="partner-requests-heading" className="text-xl font-bold">
        {waiting
          ? `${waiting} arrangement${waiting === 1 ? " names" : "s name"} your organisation as a partner and ${waiting === 1 ? "waits" : "wait"} for your answer`
          : "Arrangements naming your organisation as a partner"}
      </h2>
      <p className="mt-2">
        <Link href="/workspace/partners">
          {waiting ? "Confirm or dispute them" : `See all ${requests.length} and your answers`}
        </Link>
      </p>
    </section>
  );
}

function Groups({ workspace }: { workspace: Workspace }) {
  return GROUPS.map((group) => {
    const items = workspace.groups[group.key];
    return (
      <GroupSection
        key={group.key}
        id={`group-${group.key}`}
        heading={group.heading}
        count={items.length}
      >
        {items.length === 0 ? (
          <p className="mt-2 text-ink-muted">{group.empty}</p>
        ) : group.key === "rejected" ? (
          <ReturnedList items={items} />
        ) : (
          <ItemsTable caption={group.heading} items={items} />
        )}
      </GroupSection>
    );
  });
}

export default async function WorkspacePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const [workspace, requests, pastForecasts] = await Promise.all([
    listWorkspace(user),
    listPartnerRequests(user),
    listPastForecasts(user),
  ]);
  const notice = noticeText((await searchParams).notice);
  if (!workspace) return <NoOrganisation user={user} />;

  return (
    <div className="max-w-5xl">
      {notice ? <SuccessPanel title={notice} /> : null}
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

      <PartnerRequestsNotice requests={requests ?? []} />
      {pastForecasts && pastForecasts.length > 0 ? (
        <PastForecastsSection forecasts={pastForecasts} />
      ) : null}

      <Groups workspace={workspace} />

      <GroupSection
        id="partner-of"
        heading="Arrangements you are a partner in"
        count={workspace.partnerOf.length}
      >
        <p className="mt-2 text-ink-muted">
          Published arrangements led by another organisation. Only the lead organisation can change
          them; if yours does not take part, dispute it and administrators are told.
        </p>
        {workspace.partnerOf.length === 0 ? (
          <p className="mt-2">None.</p>
        ) : (
          <PartnerOfTable items={workspace.partnerOf} />
        )}
      </GroupSection>
    </div>
  );
}
