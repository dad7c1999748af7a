import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { arrangementRevisions } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/access";
import type { RequestInfo } from "@/lib/request";
import { submitForReview } from "./state-changes";

/*
 * "Submit all N for review" after an import: each arrangement goes through submitForReview as
 * if its own button had been pressed — its own transaction, revision, audit event, notices and
 * refusals (not yours → not-found, a draft not complete → its problems). One that is refused
 * leaves the others submitted; the answer lists which, by title.
 */

export const SUBMIT_ALL_MAX = 10_000;

export type SubmitAllResult = {
  submitted: number[];
  refused: { arrangementId: number; title: string; message: string }[];
};

async function draftTitles(ids: number[]): Promise<Map<number, string>> {
  const rows = await db()
    .select({ id: arrangementRevisions.arrangementId, title: arrangementRevisions.title })
    .from(arrangementRevisions)
    .where(
      and(
        inArray(arrangementRevisions.arrangementId, ids),
        eq(arrangementRevisions.state, "draft"),
      ),
    );
  return new Map(rows.map((r) => [r.id, r.title]));
}

export async function submitAllForReview(
  user: CurrentUser,
  arrangementIds: number[],
  request: RequestInfo,
  /** The submitter ticked the declaration once for them all; each revision records it. */
  declared: boolean,
): Promise<SubmitAllResult> {
  const ids = [...new Set(arrangementIds)].slice(0, SUBMIT_ALL_MAX);
  const result: SubmitAllResult = { submitted: [], refused: [] };
  // Titles before submitting, for the refusals: read for the user's own drafts only.
  const titles = await draftTitles(ids);
  for (const arrangementId of ids) {
    const answer = await submitForReview(user, { arrangementId, declared }, request);
    if (answer.ok) {
      result.submitted.push(arrangementId);
      continue;
    }
    const problems =
      answer.reason === "invalid" ? Object.values(answer.errors).join("; ") : answer.message;
    result.refused.push({
      arrangementId,
      title:
        (answer.reason !== "not-found" && titles.get(arrangementId)) ||
        `Arrangement ${arrangementId}`,
      message: problems || answer.message,
    });
  }
  return result;
}
