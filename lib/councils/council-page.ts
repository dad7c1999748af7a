import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { cachedPublic } from "@/lib/cache/public-cache";
import { publishedArrangements } from "@/lib/public/published";
import { councilDirectory, type CouncilEntry } from "./directory";

/*
 * One council's public page: who it is, whether it still exists (and what it became), the
 * published arrangements it leads and those it is a partner in, their savings and the
 * organisations it shares with. Figures are computed in SQL from the published register.
 *
 * Savings are counted as the register records them: each arrangement's whole savings, in full,
 * for every council taking part. Shares are not recorded, so none are invented.
 */

export type CouncilRef = { code: string; name: string };

export type CouncilArrangement = {
  slug: string;
  title: string;
  role: "lead" | "partner";
  category: string;
  stage: string;
  totalPence: bigint;
  isIllustrative: boolean;
  lead: { code: string; name: string; kind: string };
  /** Organisations taking part, the lead included. */
  organisations: number;
};

export type PartnerLink = { code: string; name: string; kind: string; arrangements: number };

export type CouncilPage = {
  council: CouncilEntry;
  parent: CouncilRef | null;
  replacedBy: CouncilRef | null;
  /** Councils this one replaced. */
  predecessors: Array<CouncilRef & { endDate: string | null }>;
  arrangements: CouncilArrangement[];
  totals: {
    arrangements: number;
    asLead: number;
    asPartner: number;
    totalPence: bigint;
    illustrative: number;
  };
  network: PartnerLink[];
};

export type CouncilLookupResult =
  { kind: "found"; page: CouncilPage } | { kind: "moved"; code: string } | { kind: "missing" };

type ArrangementRow = {
  slug: string;
  title: string;
  role: "lead" | "partner";
  category: string;
  stage: string;
  total_pence: bigint;
  is_illustrative: boolean;
  lead_code: string;
  lead_name: string;
  lead_kind: string;
  organisations: number;
};

type TotalsRow = {
  arrangements: number;
  as_lead: number;
  as_partner: number;
  total_pence: bigint;
  illustrative: number;
};

type NetworkRow = { code: string; name: string; kind: string; arrangements: number };

async function councilFiguresQuery(organisationId: number) {
  const published = publishedArrangements();
  const [arrangements, totals, network] = await Promise.all([
    db().execute<ArrangementRow>(sql`
      WITH published AS (${published})
      SELECT p.slug, p.title, me.role, c.name AS category, p.stage, p.total_pence,
             p.is_illustrative, lead.code AS lead_code, lead.name AS lead_name,
             lead.kind::text AS lead_kind,
             (SELECT count(*)::int FROM revision_partners x WHERE x.revision_id = p.revision_id)
               AS organisations
      FROM published p
      JOIN revision_partners me ON me.revision_id = p.revision_id
        AND me.organisation_id = ${organisationId}
      JOIN service_categories c ON c.id = p.main_category_id
      JOIN organisations lead ON lead.id = p.lead_organisation_id
      ORDER BY me.role, p.title, p.slug
    `),
    db().execute<TotalsRow>(sql`
      WITH published AS (${published})
      SELECT count(*)::int AS arrangements,
             count(*) FILTER (WHERE me.role = 'lead')::int AS as_lead,
             count(*) FILTER (WHERE me.role = 'partner')::int AS as_partner,
             COALESCE(SUM(p.total_pence), 0)::bigint AS total_pence,
             count(*) FILTER (WHERE p.is_illustrative)::int AS illustrative
      FROM published p
      JOIN revision_partners me ON me.revision_id = p.revision_id
        AND me.organisation_id = ${organisationId}
    `),
    db().execute<NetworkRow>(sql`
      WITH published AS (${published})
      SELECT o.code, o.name, o.kind::text AS kind, count(*)::int AS arrangements
      FROM published p
      JOIN revision_partners me ON me.revision_id = p.revision_id
        AND me.organisation_id = ${organisationId}
      JOIN revision_partners other ON other.revision_id = p.revision_id
        AND other.organisation_id <> ${organisationId}
      JOIN organisations o ON o.id = other.organisation_id
      GROUP BY o.code, o.name, o.kind
      ORDER BY arrangements DESC, o.name
    `),
  ]);
  const t = totals[0];
  return {
    arrangements: arrangements.map((r): CouncilArrangement => ({
      slug: r.slug,
      title: r.title,
      role: r.role,
      category: r.category,
      stage: r.stage,
      totalPence: r.total_pence,
      isIllustrative: r.is_illustrative,
      lead: { code: r.lead_code, name: r.lead_name, kind: r.lead_kind },
      organisations: r.organisations,
    })),
    totals: {
      arrangements: t?.arrangements ?? 0,
      asLead: t?.as_lead ?? 0,
      asPartner: t?.as_partner ?? 0,
      totalPence: t?.total_pence ?? 0n,
      illustrative: t?.illustrative ?? 0,
    },
    network: network.map((r) => ({ ...r })),
  };
}

const getCouncilFigures = cachedPublic("council-figures", councilFiguresQuery);

/**
 * The page for a council code: found, moved (a former or alias code of a council, or a code in
 * lower case: answer with a redirect to the canonical address) or missing (not a council).
 */
export async function getCouncilPage(rawCode: string): Promise<CouncilLookupResult> {
  const code = rawCode.trim();
  if (!/^[A-Za-z]\d{8}$/.test(code)) return { kind: "missing" };
  const { councils, lookup } = await councilDirectory();
  const council = lookup.byCode(code);
  if (!council) {
    const other = lookup.resolve(code.toUpperCase());
    return other ? { kind: "moved", code: other.code } : { kind: "missing" };
  }

  const ref = (c: CouncilEntry | undefined): CouncilRef | null =>
    c ? { code: c.code, name: c.name } : null;
  const figures = await getCouncilFigures(council.id);
  return {
    kind: "found",
    page: {
      council,
      parent: ref(council.parentCode ? lookup.byCode(council.parentCode) : undefined),
      replacedBy: ref(council.replacedByCode ? lookup.byCode(council.replacedByCode) : undefined),
      predecessors: councils
        .filter((c) => c.replacedByCode === council.code)
        .map((c) => ({ code: c.code, name: c.name, endDate: c.endDate })),
      ...figures,
    },
  };
}
