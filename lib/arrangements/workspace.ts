import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { arrangementRevisions, arrangements, organisations, revisionPartners } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/access";
import { actedFor } from "@/lib/organisations/acting-for";
import { completenessOf, type Completeness } from "./completeness";
import { readRevisionContents } from "./revision-content";
import { workspaceStatus, type WorkspaceStatus } from "./state";

/*
 * The council workspace's list: an editor's own organisation's arrangements (and, from a
 * vesting day, those of the councils it took over from: lib/organisations/acting-for.ts),
 * grouped by workspace status, and the published ones it is a partner in (published content
 * only).
 * Administrators are not editors: they review in lib/review, so here they see nothing.
 */

/** The organisation a user edits for, or null when they are not a council editor. */
export function editorOrganisation(user: CurrentUser | null): number | null {
  if (!user || user.role !== "council_editor" || user.organisationId == null) return null;
  return user.organisationId;
}

export type WorkspaceItem = {
  arrangementId: number;
  slug: string;
  /** Title of the newest revision (what the editor is working on). */
  title: string;
  /** Title the public sees, when published. */
  publishedTitle: string | null;
  status: WorkspaceStatus;
  isPublished: boolean;
  isIllustrative: boolean;
  version: number;
  updatedAt: Date;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  /** The reviewer's reason, for a rejected revision. */
  reviewNote: string | null;
  /** The lead, when it is a council the editor's organisation took over from. */
  inheritedFrom: string | null;
  /** How far an open draft meets the submission rules; null when the newest is not a draft. */
  completeness: Completeness | null;
};

export type PartnerItem = {
  arrangementId: number;
  slug: string;
  title: string;
  stage: "planned" | "operational" | "ended";
  leadOrganisationName: string;
  isIllustrative: boolean;
};

export type Workspace = {
  groups: {
    drafts: WorkspaceItem[];
    submitted: WorkspaceItem[];
    published: WorkspaceItem[];
    pending: WorkspaceItem[];
    rejected: WorkspaceItem[];
  };
  counts: {
    drafts: number;
    submitted: number;
    published: number;
    pending: number;
    rejected: number;
    total: number;
  };
  partnerOf: PartnerItem[];
};

const GROUP_OF: Record<WorkspaceStatus, keyof Workspace["groups"]> = {
  draft: "drafts",
  submitted: "submitted",
  rejected: "rejected",
  "published-rejected": "rejected",
  published: "published",
  "published-draft": "pending",
  "published-submitted": "pending",
};

/** Max version of the arrangement being selected: its newest revision. */
const newestVersion = sql`(select max(r2.version) from arrangement_revisions r2 where r2.arrangement_id = ${arrangements.id})`;

/**
 * The arrangements the organisation leads or has taken over, each with its newest revision,
 * newest change first.
 */
function ownArrangements(organisationId: number) {
  const published = alias(arrangementRevisions, "published");
  const lead = alias(organisations, "lead");
  return db()
    .select({
      arrangementId: arrangements.id,
      inheritedFrom: sql<
        string | null
      >`CASE WHEN ${lead.id} <> ${organisationId} THEN ${lead.name} END`,
      slug: arrangements.slug,
      isIllustrative: arrangements.isIllustrative,
      revisionId: arrangementRevisions.id,
      title: arrangementRevisions.title,
      publishedTitle: published.title,
      version: arrangementRevisions.version,
      state: arrangementRevisions.state,
      discardedAt: arrangementRevisions.discardedAt,
      updatedAt: arrangementRevisions.updatedAt,
      submittedAt: arrangementRevisions.submittedAt,
      reviewedAt: arrangementRevisions.reviewedAt,
      reviewNote: arrangementRevisions.reviewNote,
    })
    .from(arrangements)
    .innerJoin(
      arrangementRevisions,
      and(
        eq(arrangementRevisions.arrangementId, arrangements.id),
        eq(arrangementRevisions.version, newestVersion),
      ),
    )
    .leftJoin(published, eq(published.id, arrangements.publishedRevisionId))
    .innerJoin(lead, eq(lead.id, arrangements.leadOrganisationId))
    .where(sql`${arrangements.leadOrganisationId} IN ${actedFor(organisationId)}`)
    .orderBy(desc(arrangementRevisions.updatedAt), asc(arrangements.id));
}

/** Published arrangements led by others that the organisation is a partner in, by title. */
function partnerOf(organisationId: number): Promise<PartnerItem[]> {
  const lead = alias(organisations, "lead");
  return db()
    .select({
      arrangementId: arrangements.id,
      slug: arrangements.slug,
      title: arrangementRevisions.title,
      // A published revision always has its stage (arrangement_revisions_complete_check).
      stage: sql<PartnerItem["stage"]>`${arrangementRevisions.stage}`,
      leadOrganisationName: lead.name,
      isIllustrative: arrangements.isIllustrative,
    })
    .from(arrangements)
    .innerJoin(arrangementRevisions, eq(arrangementRevisions.id, arrangements.publishedRevisionId))
    .innerJoin(
      revisionPartners,
      and(
        eq(revisionPartners.revisionId, arrangementRevisions.id),
        eq(revisionPartners.organisationId, organisationId),
        eq(revisionPartners.role, "partner"),
      ),
    )
    .innerJoin(lead, eq(lead.id, arrangements.leadOrganisationId))
    .orderBy(asc(arrangementRevisions.title));
}

type OwnRow = Awaited<ReturnType<typeof ownArrangements>>[number];

function toItem(r: OwnRow, completeness: Completeness | null): WorkspaceItem {
  const isPublished = r.publishedTitle !== null;
  const status = workspaceStatus({
    published: isPublished,
    latestState: r.state,
    latestDiscarded: r.discardedAt !== null,
  });
  return {
    arrangementId: r.arrangementId,
    slug: r.slug,
    title: r.title,
    publishedTitle: r.publishedTitle,
    status,
    isPublished,
    isIllustrative: r.isIllustrative,
    version: r.version,
    updatedAt: r.updatedAt,
    submittedAt: r.submittedAt,
    reviewedAt: r.reviewedAt,
    reviewNote: status.endsWith("rejected") ? r.reviewNote : null,
    inheritedFrom: r.inheritedFrom,
    completeness,
  };
}

/** Each open draft's completeness, by its revision id (the drafts' content read in bulk). */
async function draftCompleteness(rows: OwnRow[]): Promise<Map<number, Completeness>> {
  const drafts = rows.filter((r) => r.state === "draft").map((r) => r.revisionId);
  const contents = await readRevisionContents(db(), drafts);
  return new Map([...contents].map(([id, content]) => [id, completenessOf(content)]));
}

/**
 * The user's organisation's arrangements grouped by workspace status, newest change first,
 * and the published arrangements the organisation is a partner in. Null for non-editors.
 */
export async function listWorkspace(user: CurrentUser): Promise<Workspace | null> {
  const organisationId = editorOrganisation(user);
  if (organisationId === null) return null;
  const [rows, partnerRows] = await Promise.all([
    ownArrangements(organisationId),
    partnerOf(organisationId),
  ]);
  const groups: Workspace["groups"] = {
    drafts: [],
    submitted: [],
    published: [],
    pending: [],
    rejected: [],
  };
  const completeness = await draftCompleteness(rows);
  for (const row of rows) {
    const item = toItem(row, completeness.get(row.revisionId) ?? null);
    groups[GROUP_OF[item.status]].push(item);
  }
  const counts = {
    drafts: groups.drafts.length,
    submitted: groups.submitted.length,
    published: groups.published.length,
    pending: groups.pending.length,
    rejected: groups.rejected.length,
    total: rows.length,
  };
  return { groups, counts, partnerOf: partnerRows };
}
