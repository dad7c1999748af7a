import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { checkedRow, checkedRows, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import { cachedPublic } from "@/lib/cache/public-cache";
import { today } from "@/lib/clock";
import { successionsOf, type Succession } from "@/lib/organisations/successors";
import { financialYearOf } from "@/lib/financial-year";
import { registerOnDay } from "@/lib/public/register";
import { equalShares } from "@/lib/public/shares";
import { isUnconfirmedLine } from "@/lib/public/unconfirmed";
import { savingsYears, type SavingsYear } from "@/lib/stats/queries";
import { councilDirectory, type CouncilDirectory, type CouncilEntry } from "./directory";
import type { CouncilProfile } from "./profile";
import { councilProfile } from "./profile-query";
import { similarGroupOf, type SimilarGroup } from "./similar-query";

/*
 * One council's public page: who it is, whether it still exists (and which councils replaced
 * it), and the published arrangements it takes part in today by the register's rule
 * (lib/public/register.ts): those it leads, those it is a partner in, and those it carries on
 * for councils it replaced ("through Allerdale"); their savings and the organisations it shares
 * with. A council that has ceased takes part in nothing today: its page lists the arrangements
 * recorded with it, as they stand today (carried on by its successors, or ended), and the
 * organisations named with it. Figures are computed in SQL, its savings by year by the
 * dashboard's own query (lib/stats/queries.ts savingsYears) over the same arrangements.
 *
 * Savings are counted as the register records them: each arrangement's whole savings, in full,
 * for every council taking part, so they overlap between councils; an arrangement run within
 * one council by then keeps the savings of the years before. Beside them, the council's share
 * (lib/public/shares.ts: split equally among the organisations taking part, to the penny), which
 * do not overlap, and its share per resident. A council that has ceased takes part in nothing
 * today, so it has no shares.
 */

export type CouncilRef = { code: string; name: string };

export type CouncilArrangement = {
  slug: string;
  title: string;
  /** Its own part, or "via" when it takes part only for councils it replaced. */
  role: "lead" | "partner" | "via";
  /** The councils it replaced that it takes part for, by name. */
  via: CouncilRef[];
  category: string;
  stage: string;
  /** The first day it has been run within this council alone, or null while it is shared. */
  internalFrom: string | null;
  totalPence: bigint;
  /** Its equal share of totalPence (null once it has ceased: it takes part in nothing). */
  sharePence: bigint | null;
  /** The part of totalPence forecast for financial years that have ended, not yet confirmed. */
  unconfirmedPence: bigint;
  isIllustrative: boolean;
  lead: { code: string; name: string; kind: string };
  /** Organisations taking part on the day, the lead included. */
  organisations: number;
};

export type PartnerLink = { code: string; name: string; kind: string; arrangements: number };

export type CouncilPage = {
  council: CouncilEntry;
  /** The day its figures are read on: today. */
  day: string;
  /** True when it has ceased: its arrangements are those recorded with it. */
  ceased: boolean;
  parent: CouncilRef | null;
  /** The councils that took over from it (several when it was split), by first day, name. */
  successors: Succession[];
  /** The councils it took over from (all of a merger's, or its part of a split). */
  predecessors: Succession[];
  arrangements: CouncilArrangement[];
  totals: {
    /** Shared arrangements it takes part in (those now run within it alone are not counted). */
    arrangements: number;
    asLead: number;
    asPartner: number;
    /** Shared arrangements it takes part in only for councils it replaced. */
    via: number;
    /** Arrangements now run within it alone. */
    internal: number;
    totalPence: bigint;
    /** The sum of its shares: what its arrangements save that is its own (0 once ceased). */
    sharePence: bigint;
    unconfirmedPence: bigint;
    illustrative: number;
  };
  network: PartnerLink[];
  /**
   * The savings of its arrangements by financial year (the same arrangements and lines as
   * `totals`, so they add up to totals.totalPence), with a running total.
   */
  years: SavingsYear[];
  /** Its 15 most similar councils today (lib/councils/similar.ts), or why it has none. */
  similar: SimilarGroup;
  /** Its figures beside its similar councils' (lib/councils/profile.ts); null without a group. */
  profile: CouncilProfile | null;
};

export type CouncilLookupResult =
  { kind: "found"; page: CouncilPage } | { kind: "moved"; code: string } | { kind: "missing" };

export type Whose = { organisationId: number; day: string; ceased: boolean };

/**
 * The register on the day and the arrangements that are the council's ("mine"): those it takes
 * part in by the rule, or, once it has ceased, those recorded with it. `taking` adds its role
 * ("via" when only for councils it replaced) to the register's columns.
 */
export function registerAndMine({ organisationId, day, ceased }: Whose): SQL {
  const shares = ceased
    ? sql`SELECT NULL::integer AS arrangement_id, NULL::bigint AS share_pence WHERE false`
    : sql`SELECT s.arrangement_id, s.share_pence FROM (${equalShares(day)}) s
          WHERE s.organisation_id = ${organisationId}`;
  const mine = ceased
    ? sql`SELECT r.arrangement_id, true AS named, '[]'::jsonb AS via
          FROM register r JOIN revision_partners rp
            ON rp.revision_id = r.revision_id AND rp.organisation_id = ${organisationId}`
    : sql`SELECT x.arrangement_id,
             bool_or(x.via_organisation_id IS NULL) AS named,
             coalesce(jsonb_agg(jsonb_build_object('code', v.code, 'name', v.name) ORDER BY v.name)
                        FILTER (WHERE v.id IS NOT NULL), '[]'::jsonb) AS via
          FROM register_participants(${day}::date) x
          LEFT JOIN organisations v ON v.id = x.via_organisation_id
          WHERE x.organisation_id = ${organisationId}
          GROUP BY x.arrangement_id`;
  return sql`register AS (${registerOnDay(day)}),
    mine AS (${mine}),
    my_shares AS (${shares}),
    taking AS (
      SELECT r.*, m.via, CASE WHEN m.named THEN rp.role::text ELSE 'via' END AS role,
             sh.share_pence,
             (SELECT coalesce(sum(u.amount_pence), 0) FROM revision_savings u
              WHERE u.revision_id = r.revision_id
                AND ${isUnconfirmedLine("u", financialYearOf(day))}
                AND (r.internal_from IS NULL
                     OR make_date(u.financial_year, 4, 1) < r.internal_from)) AS unconfirmed_pence
      FROM register r
      JOIN mine m ON m.arrangement_id = r.arrangement_id
      LEFT JOIN my_shares sh ON sh.arrangement_id = r.arrangement_id
      LEFT JOIN revision_partners rp
        ON rp.revision_id = r.revision_id AND rp.organisation_id = ${organisationId}
    )`;
}

const ROLE = z.enum(["lead", "partner", "via"]);

const arrangementRow = z
  .object({
    slug: z.string(),
    title: z.string(),
    role: ROLE,
    via: z.array(z.object({ code: z.string(), name: z.string() })),
    category: z.string(),
    stage: z.string(),
    internal_from: columns.isoDate.nullable(),
    total_pence: columns.bigintText,
    share_pence: columns.bigintText.nullable(),
    unconfirmed_pence: columns.bigintText,
    is_illustrative: z.boolean(),
    lead_code: z.string(),
    lead_name: z.string(),
    lead_kind: z.string(),
    organisations: columns.int,
  })
  .transform((r): CouncilArrangement => ({
    slug: r.slug,
    title: r.title,
    role: r.role,
    via: r.via,
    category: r.category,
    stage: r.stage,
    internalFrom: r.internal_from,
    totalPence: r.total_pence,
    sharePence: r.share_pence,
    unconfirmedPence: r.unconfirmed_pence,
    isIllustrative: r.is_illustrative,
    lead: { code: r.lead_code, name: r.lead_name, kind: r.lead_kind },
    organisations: r.organisations,
  }));

/** The council's arrangements, as lead first, then by title. */
function arrangementsQuery(whose: Whose) {
  return checkedRows(
    db(),
    arrangementRow,
    sql`WITH ${registerAndMine(whose)}
    SELECT t.slug, t.title, t.role, t.via, c.name AS category, t.stage::text AS stage,
           to_char(t.internal_from, 'YYYY-MM-DD') AS internal_from,
           t.counted_pence::text AS total_pence, t.share_pence::text AS share_pence,
           t.unconfirmed_pence::text AS unconfirmed_pence,
           t.is_illustrative,
           lead.code AS lead_code, lead.name AS lead_name, lead.kind::text AS lead_kind,
           t.participants AS organisations
    FROM taking t
    JOIN service_categories c ON c.id = t.main_category_id
    JOIN organisations lead ON lead.id = t.lead_organisation_id
    ORDER BY array_position(ARRAY['lead', 'partner', 'via'], t.role), t.title, t.slug`,
  );
}

const totalsRow = z
  .object({
    arrangements: columns.int,
    as_lead: columns.int,
    as_partner: columns.int,
    via: columns.int,
    internal: columns.int,
    total_pence: columns.bigintText,
    share_pence: columns.bigintText,
    unconfirmed_pence: columns.bigintText,
    illustrative: columns.int,
  })
  .transform((r): CouncilPage["totals"] => ({
    arrangements: r.arrangements,
    asLead: r.as_lead,
    asPartner: r.as_partner,
    via: r.via,
    internal: r.internal,
    totalPence: r.total_pence,
    sharePence: r.share_pence,
    unconfirmedPence: r.unconfirmed_pence,
    illustrative: r.illustrative,
  }));

function totalsQuery(whose: Whose) {
  return checkedRow(
    db(),
    totalsRow,
    sql`WITH ${registerAndMine(whose)}
    SELECT (count(*) FILTER (WHERE NOT internal))::int AS arrangements,
           (count(*) FILTER (WHERE NOT internal AND role = 'lead'))::int AS as_lead,
           (count(*) FILTER (WHERE NOT internal AND role = 'partner'))::int AS as_partner,
           (count(*) FILTER (WHERE NOT internal AND role = 'via'))::int AS via,
           (count(*) FILTER (WHERE internal))::int AS internal,
           coalesce(sum(counted_pence), 0)::text AS total_pence,
           coalesce(sum(share_pence), 0)::text AS share_pence,
           coalesce(sum(unconfirmed_pence), 0)::text AS unconfirmed_pence,
           (count(*) FILTER (WHERE NOT internal AND is_illustrative))::int AS illustrative
    FROM taking`,
  );
}

const networkRow = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  arrangements: columns.int,
});

/**
 * The organisations taking part with it in its shared arrangements today, most shared first
 * (once it has ceased: those recorded with it).
 */
function networkQuery(whose: Whose): Promise<PartnerLink[]> {
  const { organisationId, day, ceased } = whose;
  const others = ceased
    ? sql`SELECT t.arrangement_id, rp.organisation_id FROM taking t
          JOIN revision_partners rp ON rp.revision_id = t.revision_id`
    : sql`SELECT x.arrangement_id, x.organisation_id FROM taking t
          JOIN register_participants(${day}::date) x ON x.arrangement_id = t.arrangement_id`;
  return checkedRows(
    db(),
    networkRow,
    sql`WITH ${registerAndMine(whose)}, other AS (${others})
    SELECT o.code, o.name, o.kind::text AS kind, count(DISTINCT t.arrangement_id)::int AS arrangements
    FROM taking t
    JOIN other x ON x.arrangement_id = t.arrangement_id AND x.organisation_id <> ${organisationId}
    JOIN organisations o ON o.id = x.organisation_id
    WHERE NOT t.internal
    GROUP BY o.code, o.name, o.kind
    ORDER BY arrangements DESC, o.name`,
  );
}

/** Its arrangements' savings by financial year: the dashboard's years, over its arrangements. */
function yearsQuery(whose: Whose): Promise<SavingsYear[]> {
  return savingsYears(registerAndMine(whose), "taking");
}

async function councilFiguresQuery(organisationId: number, day: string, ceased: boolean) {
  const whose = { organisationId, day, ceased };
  const [arrangements, totals, network, years] = await Promise.all([
    arrangementsQuery(whose),
    totalsQuery(whose),
    networkQuery(whose),
    yearsQuery(whose),
  ]);
  return { arrangements, totals, network, years };
}

/** A council's figures on the day (cached): its arrangements, totals, network and years. */
export const getCouncilFigures = cachedPublic("council-figures", councilFiguresQuery);

export type CouncilCodeResult =
  | { kind: "found"; council: CouncilEntry; directory: CouncilDirectory }
  | { kind: "moved"; code: string }
  | { kind: "missing" };

/**
 * The council of a code in its page's address: found, moved (a former or alias code of a
 * council, or a code in lower case: answer with a redirect to the canonical address) or missing
 * (not a council).
 */
export async function lookUpCouncil(rawCode: string): Promise<CouncilCodeResult> {
  const code = rawCode.trim();
  if (!/^[A-Za-z]\d{8}$/.test(code)) return { kind: "missing" };
  const directory = await councilDirectory();
  const { lookup } = directory;
  const council = lookup.byCode(code);
  if (council) return { kind: "found", council, directory };
  const other = lookup.resolve(code.toUpperCase());
  return other ? { kind: "moved", code: other.code } : { kind: "missing" };
}

/** The page for a council code (found, moved or missing, as `lookUpCouncil`). */
export async function getCouncilPage(rawCode: string): Promise<CouncilLookupResult> {
  const found = await lookUpCouncil(rawCode);
  if (found.kind !== "found") return found;
  const { council, directory } = found;
  const parent = council.parentCode ? directory.lookup.byCode(council.parentCode) : undefined;
  const day = today();
  const ceased = council.endDate !== null && council.endDate < day;
  const similar = similarGroupOf(directory, council, day);
  const [figures, successions, profile] = await Promise.all([
    getCouncilFigures(council.id, day, ceased),
    successionsOf(council.id),
    councilProfile(directory, council, similar, day),
  ]);
  return {
    kind: "found",
    page: {
      council,
      day,
      ceased,
      parent: parent ? { code: parent.code, name: parent.name } : null,
      ...successions,
      ...figures,
      similar,
      profile,
    },
  };
}
