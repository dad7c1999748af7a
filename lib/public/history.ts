import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { arrangementRevisions, arrangements } from "@/db/schema";
import { cachedPublic } from "@/lib/cache/public-cache";
import { readSnapshots } from "@/lib/review/content";
import {
  changeSummary,
  diffRevisions,
  type RevisionDiff,
  type RevisionSnapshot,
} from "@/lib/review/diff";

/*
 * An arrangement's public change history: each revision that was published, in order, with the
 * day it was published and what it changed from the one published before it. Only revisions
 * that were approved are ever read (state 'approved' or 'superseded'), so drafts, submissions,
 * rejected changes and reviewers' notes can never appear here.
 */

export type HistoryEntry = {
  version: number;
  publishedAt: Date;
  /** When a later version replaced it; null for the version public now. */
  supersededAt: Date | null;
  isCurrent: boolean;
  /** What changed, in a few words ("First published", "Title", "Savings"…). */
  summary: string[];
  diff: RevisionDiff;
};

export type ArrangementHistory = {
  arrangementId: number;
  slug: string;
  /** Oldest first. */
  entries: HistoryEntry[];
};

async function historyQuery(slug: string): Promise<ArrangementHistory | null> {
  const [arrangement] = await db()
    .select({
      id: arrangements.id,
      slug: arrangements.slug,
      publishedRevisionId: arrangements.publishedRevisionId,
    })
    .from(arrangements)
    .where(eq(arrangements.slug, slug));
  // Not public now: no page, so no history either.
  if (!arrangement?.publishedRevisionId) return null;
  const revisions = await db()
    .select({
      id: arrangementRevisions.id,
      version: arrangementRevisions.version,
      reviewedAt: arrangementRevisions.reviewedAt,
      supersededAt: arrangementRevisions.supersededAt,
    })
    .from(arrangementRevisions)
    .where(
      and(
        eq(arrangementRevisions.arrangementId, arrangement.id),
        inArray(arrangementRevisions.state, ["approved", "superseded"]),
      ),
    )
    .orderBy(asc(arrangementRevisions.version));
  const snapshots = await readSnapshots(
    db(),
    revisions.map((r) => r.id),
  );
  const entries: HistoryEntry[] = [];
  let previous: RevisionSnapshot | null = null;
  for (const revision of revisions) {
    const snapshot = snapshots.get(revision.id);
    if (!snapshot || !revision.reviewedAt) continue;
    const diff = diffRevisions(previous, snapshot);
    entries.push({
      version: revision.version,
      publishedAt: revision.reviewedAt,
      supersededAt: revision.supersededAt,
      isCurrent: revision.id === arrangement.publishedRevisionId,
      summary: changeSummary(diff),
      diff,
    });
    previous = snapshot;
  }
  return { arrangementId: arrangement.id, slug: arrangement.slug, entries };
}

/** The change history of the published arrangement with this slug (cached under the public tag). */
export const getArrangementHistory = cachedPublic("arrangement-history", historyQuery);
