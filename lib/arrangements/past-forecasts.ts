import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { checkedRows, columns } from "@/db/checked-rows";
import { db, type DbOrTx } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/access";
import { actedFor } from "@/lib/organisations/acting-for";
import { currentFinancialYear, isUnconfirmedLine } from "@/lib/public/unconfirmed";
import { workspaceStatus, type WorkspaceStatus } from "./state";
import { editorOrganisation } from "./workspace";

/*
 * A council's past forecasts not yet confirmed (issue 12, item 7): the forecast savings lines,
 * in its own organisation's published arrangements (and those of councils it took over from:
 * lib/organisations/acting-for.ts), for financial years that have ended
 * (lib/public/unconfirmed.ts says which). The workspace lists them and asks what was saved;
 * ./commands/confirm-forecast.ts turns the answer into an edit that goes through review. Each
 * line says what the arrangement's open change (a draft, a submission, a returned revision)
 * already records for that year, so a confirmation waiting for review is not asked for twice.
 */

export type PastForecast = {
  arrangementId: number;
  slug: string;
  /** The published title. */
  title: string;
  financialYear: number;
  /** The published forecast. */
  forecastPence: bigint;
  status: WorkspaceStatus;
  /** The arrangement's lock_version: the confirmation form's baseVersion. */
  baseVersion: number;
  /** The open change's line for this year when it already records an actual amount. */
  pendingActualPence: bigint | null;
};

const pastForecastRow = z
  .object({
    arrangement_id: columns.int,
    slug: z.string(),
    title: z.string(),
    financial_year: columns.int,
    forecast_pence: columns.bigint,
    lock_version: columns.int,
    newest_state: z.enum(["draft", "submitted", "approved", "rejected", "superseded"]),
    newest_discarded: z.boolean(),
    pending_actual_pence: columns.bigint.nullable(),
  })
  .transform((row): PastForecast => ({
    arrangementId: row.arrangement_id,
    slug: row.slug,
    title: row.title,
    financialYear: row.financial_year,
    forecastPence: row.forecast_pence,
    status: workspaceStatus({
      published: true,
      latestState: row.newest_state,
      latestDiscarded: row.newest_discarded,
    }),
    baseVersion: row.lock_version,
    pendingActualPence: row.pending_actual_pence,
  }));

/** The organisation's past forecasts, by arrangement title and year; one arrangement or all. */
async function pastForecastsOf(
  reader: DbOrTx,
  organisationId: number,
  only: { arrangementId: number; financialYear: number } | null,
): Promise<PastForecast[]> {
  return checkedRows(
    reader,
    pastForecastRow,
    sql`
    SELECT a.id AS arrangement_id, a.slug, pub.title, s.financial_year,
           s.amount_pence AS forecast_pence, a.lock_version,
           newest.state AS newest_state, newest.discarded_at IS NOT NULL AS newest_discarded,
           open_line.amount_pence AS pending_actual_pence
    FROM arrangements a
    JOIN arrangement_revisions pub ON pub.id = a.published_revision_id AND pub.state = 'approved'
    JOIN revision_savings s ON s.revision_id = pub.id
    JOIN LATERAL (
      SELECT r.id, r.state, r.discarded_at FROM arrangement_revisions r
      WHERE r.arrangement_id = a.id ORDER BY r.version DESC LIMIT 1
    ) newest ON true
    LEFT JOIN revision_savings open_line
      ON open_line.revision_id = newest.id AND newest.id <> pub.id
     AND newest.discarded_at IS NULL
     AND open_line.financial_year = s.financial_year AND open_line.kind = 'actual'
    WHERE a.lead_organisation_id IN ${actedFor(organisationId)}
      AND ${isUnconfirmedLine("s", currentFinancialYear())}
      ${only ? sql`AND a.id = ${only.arrangementId} AND s.financial_year = ${only.financialYear}` : sql``}
    ORDER BY lower(pub.title), a.id, s.financial_year
  `,
  );
}

/** The editor's organisation's unconfirmed past forecasts; null when the user edits for none. */
export async function listPastForecasts(user: CurrentUser): Promise<PastForecast[] | null> {
  const organisationId = editorOrganisation(user);
  if (organisationId === null) return null;
  return pastForecastsOf(db(), organisationId, null);
}

/**
 * One past forecast of an arrangement the user's organisation leads, or null: not theirs,
 * not published, or no forecast for a year that has ended (the confirmation page answers 404).
 */
export async function getPastForecast(
  user: CurrentUser,
  arrangementId: number,
  financialYear: number,
  reader: DbOrTx = db(),
): Promise<PastForecast | null> {
  const organisationId = editorOrganisation(user);
  if (organisationId === null || !Number.isSafeInteger(arrangementId)) return null;
  if (!Number.isSafeInteger(financialYear)) return null;
  const [line] = await pastForecastsOf(reader, organisationId, { arrangementId, financialYear });
  return line ?? null;
}
