import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  arrangementRevisions,
  revisionCategories,
  revisionPartners,
  revisionSavings,
  serviceCategories,
} from "@/db/schema";
import type { DraftInput } from "./schema";
import { chunks } from "./shared";

/*
 * A revision's rows from validated input, written the same way by every command that writes
 * one: saving a form (./commands) and importing a file (./import) alike.
 */

/**
 * A stored revision's own text and dates, read back as people and forms see them (the main
 * category as its slug): for the editing form (./queries) and the review diff (lib/review).
 * Select from arrangementRevisions joined to serviceCategories on the main category.
 */
export const revisionContentColumns = {
  title: arrangementRevisions.title,
  description: arrangementRevisions.description,
  mainCategory: serviceCategories.slug,
  stage: arrangementRevisions.stage,
  startDate: arrangementRevisions.startDate,
  endDate: arrangementRevisions.endDate,
  noSavingsReason: arrangementRevisions.noSavingsReason,
  benefits: arrangementRevisions.benefits,
  contactName: arrangementRevisions.contactName,
  contactEmail: arrangementRevisions.contactEmail,
};

/** Database ids for what the input names: its categories and partner organisations. */
export type RevisionReferences = {
  /** Null for a draft saved before its main category was chosen. */
  mainCategoryId: number | null;
  furtherCategoryIds: number[];
  partnerIds: number[];
};

/** The revision's own columns. */
export function revisionFields(input: DraftInput, mainCategoryId: number | null) {
  return {
    title: input.title,
    description: input.description,
    mainCategoryId,
    stage: input.stage,
    startDate: input.startDate,
    endDate: input.endDate,
    benefits: input.benefits,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    noSavingsReason: input.noSavingsReason,
  };
}

/** A new draft revision of an arrangement, written by `authorId` from the form `idempotencyKey`. */
export function draftRevision(
  arrangementId: number,
  version: number,
  input: DraftInput,
  refs: RevisionReferences,
  authorId: number,
  idempotencyKey: string,
): typeof arrangementRevisions.$inferInsert {
  return {
    arrangementId,
    version,
    ...revisionFields(input, refs.mainCategoryId),
    state: "draft",
    authorId,
    idempotencyKey,
  };
}

export type RevisionChildren = {
  revisionId: number;
  refs: RevisionReferences;
  input: DraftInput;
};

/**
 * Each revision's partners (the lead first), further categories and savings, batched: a file
 * may hold thousands of revisions, and one INSERT is limited to 65,535 parameters.
 */
export async function insertRevisionChildren(
  tx: Tx,
  leadOrganisationId: number,
  revisions: RevisionChildren[],
): Promise<void> {
  const partners = revisions.flatMap(({ revisionId, refs }) => [
    { revisionId, organisationId: leadOrganisationId, role: "lead" as const },
    ...refs.partnerIds.map((organisationId) => ({
      revisionId,
      organisationId,
      role: "partner" as const,
    })),
  ]);
  for (const part of chunks(partners)) await tx.insert(revisionPartners).values(part);
  const categories = revisions.flatMap(({ revisionId, refs }) =>
    refs.furtherCategoryIds.map((categoryId) => ({ revisionId, categoryId })),
  );
  for (const part of chunks(categories)) await tx.insert(revisionCategories).values(part);
  const savings = revisions.flatMap(({ revisionId, input }) =>
    input.savings.map((s) => ({ revisionId, ...s })),
  );
  for (const part of chunks(savings)) await tx.insert(revisionSavings).values(part);
}

/** Removes a draft's partners, categories and savings, before they are written again. */
export async function deleteRevisionChildren(tx: Tx, revisionId: number): Promise<void> {
  await tx.delete(revisionPartners).where(eq(revisionPartners.revisionId, revisionId));
  await tx.delete(revisionCategories).where(eq(revisionCategories.revisionId, revisionId));
  await tx.delete(revisionSavings).where(eq(revisionSavings.revisionId, revisionId));
}
