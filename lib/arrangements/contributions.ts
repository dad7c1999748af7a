import "server-only";
import type { Tx } from "@/db/client";
import { revisionContributions } from "@/db/schema";
import { chunks } from "./shared";

/*
 * Every person who works on a revision is recorded, in the transaction of the work itself:
 * creating (by form or import), saving and submitting. A save overwrites the revision's
 * author_id, so this is what four eyes reads (lib/review/contributors.ts).
 */

export type ContributionKind = (typeof revisionContributions.$inferInsert)["kind"];

export async function recordContributions(
  tx: Tx,
  userId: number,
  kind: ContributionKind,
  revisionIds: number[],
): Promise<void> {
  for (const part of chunks(revisionIds, 5000)) {
    await tx
      .insert(revisionContributions)
      .values(part.map((revisionId) => ({ revisionId, userId, kind })));
  }
}
