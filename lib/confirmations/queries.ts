import "server-only";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type DbOrTx } from "@/db/client";
import {
  arrangementRevisions,
  arrangements,
  organisations,
  partnerConfirmations,
  revisionPartners,
  users,
} from "@/db/schema";
import { editorOrganisation } from "@/lib/arrangements/workspace";
import type { CurrentUser } from "@/lib/auth/access";
import { readSnapshots } from "@/lib/review/content";
import { diffRevisions, type RevisionDiff } from "@/lib/review/diff";
import { askedRevision } from "./asked";

/*
 * Reads of partners' confirmations: the requests a partner organisation's editors see in
 * their workspace, one request with what they are asked to confirm, each partner's answer for
 * the review page, and the review queue's marker for a disputed partner.
 */

export type ConfirmationState = "pending" | "confirmed" | "disputed";

export type PartnerRequest = {
  arrangementId: number;
  title: string;
  leadName: string;
  state: ConfirmationState;
  reason: string | null;
  askedAt: Date;
  answeredAt: Date | null;
};

/** The revision a partner answers about (as ./asked.ts chooses it), for a correlated query. */
const answerable = sql`EXISTS (
  SELECT 1 FROM ${arrangementRevisions} ar
  JOIN ${revisionPartners} rp ON rp.revision_id = ar.id AND rp.role = 'partner'
   AND rp.organisation_id = ${partnerConfirmations.organisationId}
  WHERE ar.arrangement_id = ${arrangements.id}
    AND (ar.state = 'submitted' OR ar.id = ${arrangements.publishedRevisionId}))`;

/**
 * What the user's organisation has been asked to confirm, while it is still named: waiting for
 * an answer first, then newest first. Null for anyone who is not a council editor.
 */
export async function listPartnerRequests(user: CurrentUser): Promise<PartnerRequest[] | null> {
  const organisationId = editorOrganisation(user);
  if (organisationId === null) return null;
  const lead = alias(organisations, "lead");
  return db()
    .select({
      arrangementId: arrangements.id,
      title: sql<string>`COALESCE(${arrangementRevisions.title}, '')`,
      leadName: lead.name,
      state: partnerConfirmations.state,
      reason: partnerConfirmations.reason,
      askedAt: partnerConfirmations.askedAt,
      answeredAt: partnerConfirmations.answeredAt,
    })
    .from(partnerConfirmations)
    .innerJoin(arrangements, eq(arrangements.id, partnerConfirmations.arrangementId))
    .innerJoin(lead, eq(lead.id, arrangements.leadOrganisationId))
    .leftJoin(arrangementRevisions, eq(arrangementRevisions.id, partnerConfirmations.revisionId))
    .where(and(eq(partnerConfirmations.organisationId, organisationId), answerable))
    .orderBy(
      desc(sql`${partnerConfirmations.state} = 'pending'`),
      desc(partnerConfirmations.askedAt),
      asc(arrangements.id),
    );
}

export type PartnerRequestDetail = {
  arrangementId: number;
  slug: string;
  leadName: string;
  organisationName: string;
  title: string;
  /** "submitted": waiting for review; "approved": the published version. */
  revisionState: "submitted" | "approved";
  version: number;
  /** What is asked: the submission beside what is published (published: compared with nothing). */
  diff: RevisionDiff;
  publishedVersion: number | null;
  state: ConfirmationState;
  reason: string | null;
  answeredByName: string | null;
  answeredAt: Date | null;
};

/** One request for the user's organisation, or null (not named: answered as not found). */
export async function getPartnerRequest(
  user: CurrentUser,
  arrangementId: number,
  reader: DbOrTx = db(),
): Promise<PartnerRequestDetail | null> {
  const organisationId = editorOrganisation(user);
  if (organisationId === null) return null;
  const asked = await askedRevision(reader, arrangementId, organisationId);
  if (!asked) return null;
  const published =
    asked.state === "submitted" && asked.publishedRevisionId ? asked.publishedRevisionId : null;
  const snapshots = await readSnapshots(reader, [
    asked.revisionId,
    ...(published ? [published] : []),
  ]);
  const answeredBy = alias(users, "answered_by");
  const [names] = await reader
    .select({
      leadName: sql<string>`(SELECT name FROM ${organisations} WHERE id = ${asked.leadOrganisationId})`,
      organisationName: organisations.name,
      publishedVersion: sql<number | null>`(SELECT version FROM ${arrangementRevisions}
        WHERE id = ${asked.publishedRevisionId ?? null})`,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const [answer] = await reader
    .select({
      state: partnerConfirmations.state,
      reason: partnerConfirmations.reason,
      answeredByName: answeredBy.name,
      answeredAt: partnerConfirmations.answeredAt,
    })
    .from(partnerConfirmations)
    .leftJoin(answeredBy, eq(answeredBy.id, partnerConfirmations.answeredById))
    .where(
      and(
        eq(partnerConfirmations.arrangementId, arrangementId),
        eq(partnerConfirmations.organisationId, organisationId),
      ),
    );
  const submission = snapshots.get(asked.revisionId)!;
  return {
    arrangementId,
    slug: asked.slug,
    leadName: names!.leadName,
    organisationName: names!.organisationName,
    title: submission.title,
    revisionState: asked.state,
    version: asked.version,
    diff: diffRevisions(published ? (snapshots.get(published) ?? null) : null, submission),
    publishedVersion: names!.publishedVersion,
    state: answer?.state ?? "pending",
    reason: answer?.reason ?? null,
    answeredByName: answer?.answeredByName ?? null,
    answeredAt: answer?.answeredAt ?? null,
  };
}

export type PartnerAnswer = {
  organisationId: number;
  name: string;
  /** "not-asked": named before partners were asked (published earlier, never resubmitted). */
  state: ConfirmationState | "not-asked";
  reason: string | null;
  answeredByName: string | null;
  answeredAt: Date | null;
  /** The version the answer was given on, when it was given on an earlier one. */
  answeredOnVersion: number | null;
};

/** Each partner the revision names, with its organisation's answer (for the review page). */
export async function partnerAnswers(reader: DbOrTx, revisionId: number): Promise<PartnerAnswer[]> {
  const answeredBy = alias(users, "answered_by");
  const answeredOn = alias(arrangementRevisions, "answered_on");
  const rows = await reader
    .select({
      organisationId: organisations.id,
      name: organisations.name,
      state: partnerConfirmations.state,
      reason: partnerConfirmations.reason,
      answeredByName: answeredBy.name,
      answeredAt: partnerConfirmations.answeredAt,
      answeredOnVersion: answeredOn.version,
      thisVersion: arrangementRevisions.version,
    })
    .from(revisionPartners)
    .innerJoin(organisations, eq(organisations.id, revisionPartners.organisationId))
    .innerJoin(arrangementRevisions, eq(arrangementRevisions.id, revisionPartners.revisionId))
    .leftJoin(
      partnerConfirmations,
      and(
        eq(partnerConfirmations.arrangementId, arrangementRevisions.arrangementId),
        eq(partnerConfirmations.organisationId, revisionPartners.organisationId),
      ),
    )
    .leftJoin(answeredBy, eq(answeredBy.id, partnerConfirmations.answeredById))
    .leftJoin(answeredOn, eq(answeredOn.id, partnerConfirmations.revisionId))
    .where(and(eq(revisionPartners.revisionId, revisionId), eq(revisionPartners.role, "partner")))
    .orderBy(asc(organisations.name));
  return rows.map(({ thisVersion, answeredOnVersion, ...row }) => ({
    ...row,
    state: row.state ?? "not-asked",
    answeredOnVersion:
      row.answeredAt && answeredOnVersion !== null && answeredOnVersion !== thisVersion
        ? answeredOnVersion
        : null,
  }));
}

/**
 * How many partners of the revision in `revisionId` dispute taking part, as a correlated
 * subquery (the review queue marks such rows).
 */
export function disputedPartnerCount(
  revisionId: SQL | typeof arrangementRevisions.id,
): SQL<number> {
  return sql<number>`(SELECT count(*)::int FROM ${revisionPartners} dp
    JOIN ${arrangementRevisions} dr ON dr.id = dp.revision_id
    JOIN ${partnerConfirmations} dc ON dc.arrangement_id = dr.arrangement_id
     AND dc.organisation_id = dp.organisation_id AND dc.state = 'disputed'
    WHERE dp.revision_id = ${revisionId} AND dp.role = 'partner')`;
}
