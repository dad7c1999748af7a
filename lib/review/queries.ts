import "server-only";
import { assertAdmin } from "@/lib/auth/admin-only";
import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type DbOrTx } from "@/db/client";
import {
  arrangementRevisions,
  arrangements,
  organisations,
  revisionCategories,
  serviceCategories,
  users,
} from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/access";
import { regionBySlug } from "@/lib/public/regions";
import type { ContributionKind } from "@/lib/arrangements/contributions";
import {
  disputedPartnerCount,
  partnerAnswers,
  type PartnerAnswer,
} from "@/lib/confirmations/queries";
import { readSnapshots } from "./content";
import {
  contributorsSincePublication,
  fourEyesReason,
  ownContributions,
  type Contributor,
} from "./contributors";
import { diffRevisions, type RevisionDiff, type RevisionSnapshot } from "./diff";
import { queueFlags, type QueueFlags } from "./flags";
import { queueFiltersSchema, type QueueFilters, type QueueFiltersInput } from "./schemas";

/*
 * Reads for the administrators' review pages. Defence in depth: the pages call requireAdmin()
 * first, and these refuse anyone else too.
 */

export const QUEUE_PAGE_SIZE = 25;

/** Submitted revisions: the queue. */
const submitted = eq(arrangementRevisions.state, "submitted");

/** How many submissions are waiting (the count in the admin navigation). */
export async function queueCount(actor: CurrentUser, reader: DbOrTx = db()): Promise<number> {
  assertAdmin(actor, "read the review queue");
  const [row] = await reader.select({ n: count() }).from(arrangementRevisions).where(submitted);
  return row?.n ?? 0;
}

export type QueueItem = {
  revisionId: number;
  arrangementId: number;
  version: number;
  title: string;
  organisationId: number;
  organisationName: string;
  region: string | null;
  categoryName: string;
  submittedByName: string | null;
  submittedAt: Date | null;
  /** Never published before: a new arrangement, not an edit. */
  isNew: boolean;
  /** What the reading administrator did on it since its last publication (four eyes). */
  yourPart: ContributionKind[];
  /** Partners the submission names that dispute taking part (lib/confirmations). */
  disputedPartners: number;
  /** Its savings lines' total, in pence. */
  totalPence: bigint;
  /** An outlying total or a likely duplicate of a published arrangement (./flags.ts). */
  flags: QueueFlags;
};

export type Queue = {
  items: QueueItem[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  filters: QueueFilters;
  /** Organisations with something in the queue, for the filter's choices. */
  organisations: { id: number; name: string }[];
};

function conditions(filters: QueueFilters): SQL | undefined {
  const where: (SQL | undefined)[] = [submitted];
  if (filters.organisation) where.push(eq(arrangements.leadOrganisationId, filters.organisation));
  if (filters.region) where.push(eq(organisations.region, regionBySlug(filters.region)!.name));
  if (filters.category) {
    const further = alias(serviceCategories, "further");
    where.push(
      or(
        eq(serviceCategories.slug, filters.category),
        exists(
          db()
            .select({ one: sql`1` })
            .from(revisionCategories)
            .innerJoin(further, eq(further.id, revisionCategories.categoryId))
            .where(
              and(
                eq(revisionCategories.revisionId, arrangementRevisions.id),
                eq(further.slug, filters.category),
              ),
            ),
        ),
      ),
    );
  }
  if (filters.kind === "new") where.push(isNull(arrangements.publishedRevisionId));
  if (filters.kind === "edit") where.push(isNotNull(arrangements.publishedRevisionId));
  return and(...where);
}

/** Submitted revisions, oldest first, 25 a page, filtered by the URL's parameters. */
export async function listQueue(
  actor: CurrentUser,
  input: QueueFiltersInput = {},
  reader: DbOrTx = db(),
): Promise<Queue> {
  assertAdmin(actor, "read the review queue");
  const filters = queueFiltersSchema.parse(input);
  const where = conditions(filters);
  const submitter = alias(users, "submitter");

  const [totals] = await reader
    .select({ n: count() })
    .from(arrangementRevisions)
    .innerJoin(arrangements, eq(arrangements.id, arrangementRevisions.arrangementId))
    .innerJoin(organisations, eq(organisations.id, arrangements.leadOrganisationId))
    .innerJoin(serviceCategories, eq(serviceCategories.id, arrangementRevisions.mainCategoryId))
    .where(where);
  const total = totals?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const rows = await reader
    .select({
      revisionId: arrangementRevisions.id,
      arrangementId: arrangements.id,
      version: arrangementRevisions.version,
      title: arrangementRevisions.title,
      organisationId: organisations.id,
      organisationName: organisations.name,
      region: organisations.region,
      categoryName: serviceCategories.name,
      submittedByName: submitter.name,
      submittedAt: arrangementRevisions.submittedAt,
      isNew: sql<boolean>`${arrangements.publishedRevisionId} IS NULL`,
      disputedPartners: disputedPartnerCount(arrangementRevisions.id),
      totalPence: arrangementRevisions.totalPence,
    })
    .from(arrangementRevisions)
    .innerJoin(arrangements, eq(arrangements.id, arrangementRevisions.arrangementId))
    .innerJoin(organisations, eq(organisations.id, arrangements.leadOrganisationId))
    .innerJoin(serviceCategories, eq(serviceCategories.id, arrangementRevisions.mainCategoryId))
    .leftJoin(submitter, eq(submitter.id, arrangementRevisions.submittedById))
    .where(where)
    .orderBy(asc(arrangementRevisions.submittedAt), asc(arrangementRevisions.id))
    .limit(QUEUE_PAGE_SIZE)
    .offset((page - 1) * QUEUE_PAGE_SIZE);
  const own = await ownContributions(
    reader,
    actor.id,
    rows.map((r) => r.arrangementId),
  );
  const flags = await queueFlags(
    reader,
    rows.map((r) => r.revisionId),
  );
  const items = rows.map((r) => ({
    ...r,
    yourPart: own.get(r.arrangementId) ?? [],
    flags: flags.get(r.revisionId) ?? { outlier: null, duplicates: [] },
  }));
  const organisationChoices = await reader
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(arrangementRevisions)
    .innerJoin(arrangements, eq(arrangements.id, arrangementRevisions.arrangementId))
    .innerJoin(organisations, eq(organisations.id, arrangements.leadOrganisationId))
    .where(submitted)
    .orderBy(asc(organisations.name));
  return {
    items,
    total,
    page,
    pages,
    pageSize: QUEUE_PAGE_SIZE,
    filters: { ...filters, page },
    organisations: organisationChoices,
  };
}

/* One submission ---------------------------------------------------------------------------------- */

export type ReviewDetail = {
  revisionId: number;
  arrangementId: number;
  slug: string;
  version: number;
  state: "draft" | "submitted" | "approved" | "rejected" | "superseded";
  isIllustrative: boolean;
  lead: {
    id: number;
    code: string;
    name: string;
    region: string | null;
    replacedByName: string | null;
  };
  authorName: string | null;
  submittedByName: string | null;
  submittedAt: Date | null;
  /** Who ticked the submission's declaration, and when (null before it was asked for). */
  declaredByName: string | null;
  declaredAt: Date | null;
  reviewedByName: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  /** Send back with the decision: a change to the arrangement since loading refuses it. */
  baseVersion: number;
  /** The revision it is compared with: the one published before it, or null (a new one). */
  base: { revisionId: number; version: number; publishedAt: Date | null } | null;
  submission: RevisionSnapshot;
  previous: RevisionSnapshot | null;
  diff: RevisionDiff;
  /** False when the administrator worked on it since its last publication (four eyes). */
  canDecide: boolean;
  ownSubmission: boolean;
  /** Why this administrator may not decide (four eyes), or null. */
  fourEyes: string | null;
  /** Everyone who worked on it since its last publication (while it waits for review). */
  contributors: Contributor[];
  /** Each partner it names, with its organisation's confirmation or dispute. */
  partners: PartnerAnswer[];
};

/** The revision under review with its arrangement, lead and the people involved. */
async function readReviewRow(reader: DbOrTx, revisionId: number) {
  const author = alias(users, "author");
  const submitter = alias(users, "submitter");
  const reviewer = alias(users, "reviewer");
  const declarer = alias(users, "declarer");
  const [row] = await reader
    .select({
      revisionId: arrangementRevisions.id,
      arrangementId: arrangements.id,
      slug: arrangements.slug,
      version: arrangementRevisions.version,
      state: arrangementRevisions.state,
      isIllustrative: arrangements.isIllustrative,
      lead: {
        id: organisations.id,
        code: organisations.code,
        name: organisations.name,
        region: organisations.region,
        // Every council that replaced it, largest part first ("A and B"); the outer id written
        // out, as Drizzle may leave a single table's columns unqualified.
        replacedByName: sql<string | null>`(
          SELECT string_agg(n.name, ' and ' ORDER BY x.share_bp DESC, n.name)
          FROM organisation_successions x JOIN organisations n ON n.id = x.successor_id
          WHERE x.predecessor_id = "organisations"."id")`,
      },
      authorName: author.name,
      submittedByName: submitter.name,
      submittedAt: arrangementRevisions.submittedAt,
      declaredByName: declarer.name,
      declaredAt: arrangementRevisions.declaredAt,
      reviewedByName: reviewer.name,
      reviewedAt: arrangementRevisions.reviewedAt,
      reviewNote: arrangementRevisions.reviewNote,
      baseVersion: arrangements.lockVersion,
    })
    .from(arrangementRevisions)
    .innerJoin(arrangements, eq(arrangements.id, arrangementRevisions.arrangementId))
    .innerJoin(organisations, eq(organisations.id, arrangements.leadOrganisationId))
    .leftJoin(author, eq(author.id, arrangementRevisions.authorId))
    .leftJoin(submitter, eq(submitter.id, arrangementRevisions.submittedById))
    .leftJoin(reviewer, eq(reviewer.id, arrangementRevisions.reviewedById))
    .leftJoin(declarer, eq(declarer.id, arrangementRevisions.declaredById))
    .where(eq(arrangementRevisions.id, revisionId));
  return row ?? null;
}

/** The revision published before `version` (approved, since superseded or not), if any. */
async function readPublishedBefore(reader: DbOrTx, arrangementId: number, version: number) {
  const [base] = await reader
    .select({
      revisionId: arrangementRevisions.id,
      version: arrangementRevisions.version,
      publishedAt: arrangementRevisions.reviewedAt,
    })
    .from(arrangementRevisions)
    .where(
      and(
        eq(arrangementRevisions.arrangementId, arrangementId),
        inArray(arrangementRevisions.state, ["approved", "superseded"]),
        lt(arrangementRevisions.version, version),
      ),
    )
    .orderBy(desc(arrangementRevisions.version))
    .limit(1);
  return base ?? null;
}

/**
 * A revision for review, beside the revision that was published before it (for a submission
 * waiting in the queue: the one public now). Null when there is no such revision, or it is a
 * draft.
 */
export async function getReview(
  actor: CurrentUser,
  revisionId: number,
  reader: DbOrTx = db(),
): Promise<ReviewDetail | null> {
  assertAdmin(actor, "read the review queue");
  if (!Number.isSafeInteger(revisionId) || revisionId <= 0) return null;
  const row = await readReviewRow(reader, revisionId);
  // A draft (never submitted, or withdrawn from review) is the council's, not for review.
  if (!row || row.state === "draft") return null;
  const base = await readPublishedBefore(reader, row.arrangementId, row.version);
  const snapshots = await readSnapshots(
    reader,
    base ? [base.revisionId, revisionId] : [revisionId],
  );
  const submission = snapshots.get(revisionId);
  if (!submission) return null;
  const previous = base ? (snapshots.get(base.revisionId) ?? null) : null;
  const contributors =
    row.state === "submitted" ? await contributorsSincePublication(reader, row.arrangementId) : [];
  const fourEyes = fourEyesReason(contributors, actor.id);
  const ownSubmission = fourEyes !== null;

  return {
    ...row,
    base,
    submission,
    previous,
    diff: diffRevisions(previous, submission),
    canDecide: row.state === "submitted" && !ownSubmission,
    ownSubmission,
    fourEyes,
    contributors,
    partners: await partnerAnswers(reader, revisionId),
  };
}
