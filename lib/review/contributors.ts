import "server-only";
import { and, asc, eq, gt, inArray, min, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { arrangementRevisions, revisionContributions, users } from "@/db/schema";
import type { ContributionKind } from "@/lib/arrangements/contributions";

/*
 * Four eyes over the whole history. Nobody who created, imported, saved or submitted any
 * revision of an arrangement since its last publication may approve or return it: a draft one
 * editor wrote, a colleague saved unchanged and a third submitted has three authors, and none
 * of them reviews it, even after being made an administrator. Read by the decision (under the
 * arrangement's lock), the review page and the queue.
 */

export type Contributor = { userId: number; name: string; kinds: ContributionKind[] };

/** Revisions after the last one ever published (all of them for a never-published one). */
const sinceLastPublication = gt(
  arrangementRevisions.version,
  sql`coalesce((select max(p.version) from arrangement_revisions p
    where p.arrangement_id = ${arrangementRevisions.arrangementId}
      and p.state in ('approved', 'superseded')), 0)`,
);

const kindsAgg = sql<ContributionKind[]>`array_agg(distinct ${revisionContributions.kind}::text)`;

/** Everyone who worked on the arrangement since its last publication, first contributor first. */
export async function contributorsSincePublication(
  reader: DbOrTx,
  arrangementId: number,
): Promise<Contributor[]> {
  const rows = await reader
    .select({
      userId: users.id,
      name: users.name,
      kinds: kindsAgg,
    })
    .from(revisionContributions)
    .innerJoin(arrangementRevisions, eq(arrangementRevisions.id, revisionContributions.revisionId))
    .innerJoin(users, eq(users.id, revisionContributions.userId))
    .where(and(eq(arrangementRevisions.arrangementId, arrangementId), sinceLastPublication))
    .groupBy(users.id, users.name)
    .orderBy(asc(min(revisionContributions.at)), asc(users.id));
  return rows.map(({ userId, name, kinds }) => ({ userId, name, kinds: ordered(kinds) }));
}

const KIND_ORDER: ContributionKind[] = ["created", "imported", "saved", "submitted"];

function ordered(kinds: ContributionKind[]): ContributionKind[] {
  return KIND_ORDER.filter((k) => kinds.includes(k));
}

const KIND_WORDS: Record<ContributionKind, string> = {
  created: "created",
  imported: "imported",
  saved: "saved",
  submitted: "submitted",
};

/** "created and saved", "saved, submitted and imported". */
export function describeKinds(kinds: ContributionKind[]): string {
  const words = kinds.map((k) => KIND_WORDS[k]);
  return words.length <= 1
    ? (words[0] ?? "")
    : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** Why `userId` may not decide, or null when they may. */
export function fourEyesReason(contributors: Contributor[], userId: number): string | null {
  const own = contributors.find((c) => c.userId === userId);
  if (!own) return null;
  return `You ${describeKinds(own.kinds)} a revision of this arrangement since it was last published, so another administrator must review it (four eyes).`;
}

/**
 * For the queue: the kinds of work `userId` did on each arrangement since its last
 * publication (arrangements they did not touch are absent).
 */
export async function ownContributions(
  reader: DbOrTx,
  userId: number,
  arrangementIds: number[],
): Promise<Map<number, ContributionKind[]>> {
  if (arrangementIds.length === 0) return new Map();
  const rows = await reader
    .select({
      arrangementId: arrangementRevisions.arrangementId,
      kinds: kindsAgg,
    })
    .from(revisionContributions)
    .innerJoin(arrangementRevisions, eq(arrangementRevisions.id, revisionContributions.revisionId))
    .where(
      and(
        eq(revisionContributions.userId, userId),
        inArray(arrangementRevisions.arrangementId, arrangementIds),
        sinceLastPublication,
      ),
    )
    .groupBy(arrangementRevisions.arrangementId);
  return new Map(rows.map((r) => [r.arrangementId, ordered(r.kinds)]));
}
