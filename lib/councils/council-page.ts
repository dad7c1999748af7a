import "server-only";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { countRows, sumPence } from "@/db/typed-sql";
import { db } from "@/db/client";
import { organisations, revisionPartners, serviceCategories } from "@/db/schema";
import { cachedPublic } from "@/lib/cache/public-cache";
import { successionsOf, type Succession } from "@/lib/organisations/successors";
import { publishedCte } from "@/lib/public/published";
import { currentFinancialYear, unconfirmedPenceOf } from "@/lib/public/unconfirmed";
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
  /** The part of totalPence forecast for financial years that have ended, not yet confirmed. */
  unconfirmedPence: bigint;
  isIllustrative: boolean;
  lead: { code: string; name: string; kind: string };
  /** Organisations taking part, the lead included. */
  organisations: number;
};

export type PartnerLink = { code: string; name: string; kind: string; arrangements: number };

export type CouncilPage = {
  council: CouncilEntry;
  parent: CouncilRef | null;
  /** The councils that took over from it (several when it was split), by first day, name. */
  successors: Succession[];
  /** The councils it took over from (all of a merger's, or its part of a split). */
  predecessors: Succession[];
  arrangements: CouncilArrangement[];
  totals: {
    arrangements: number;
    asLead: number;
    asPartner: number;
    totalPence: bigint;
    unconfirmedPence: bigint;
    illustrative: number;
  };
  network: PartnerLink[];
};

export type CouncilLookupResult =
  { kind: "found"; page: CouncilPage } | { kind: "moved"; code: string } | { kind: "missing" };

const lead = alias(organisations, "lead");
/** The council's own part in each arrangement. */
const me = alias(revisionPartners, "me");

/** The published arrangements the council takes part in, as lead first, then by title. */
async function arrangementsQuery(
  organisationId: number,
  currentYear: number,
): Promise<CouncilArrangement[]> {
  const published = publishedCte();
  return db()
    .with(published)
    .select({
      slug: published.slug,
      title: published.title,
      role: me.role,
      category: serviceCategories.name,
      stage: published.stage,
      totalPence: published.totalPence,
      unconfirmedPence: unconfirmedPenceOf(published.revisionId, currentYear),
      isIllustrative: published.isIllustrative,
      lead: { code: lead.code, name: lead.name, kind: lead.kind },
      organisations: sql<number>`(SELECT count(*)::int FROM ${revisionPartners}
        WHERE ${revisionPartners.revisionId} = ${published.revisionId})`.mapWith(Number),
    })
    .from(published)
    .innerJoin(
      me,
      and(eq(me.revisionId, published.revisionId), eq(me.organisationId, organisationId)),
    )
    .innerJoin(serviceCategories, eq(serviceCategories.id, published.mainCategoryId))
    .innerJoin(lead, eq(lead.id, published.leadOrganisationId))
    .orderBy(me.role, published.title, published.slug);
}

async function totalsQuery(
  organisationId: number,
  currentYear: number,
): Promise<CouncilPage["totals"]> {
  const published = publishedCte();
  const [totals] = await db()
    .with(published)
    .select({
      arrangements: countRows(),
      asLead: countRows(sql`${me.role} = 'lead'`),
      asPartner: countRows(sql`${me.role} = 'partner'`),
      totalPence: sumPence(published.totalPence),
      unconfirmedPence: sumPence(unconfirmedPenceOf(published.revisionId, currentYear)),
      illustrative: countRows(published.isIllustrative),
    })
    .from(published)
    .innerJoin(
      me,
      and(eq(me.revisionId, published.revisionId), eq(me.organisationId, organisationId)),
    );
  return totals!;
}

/** The organisations the council shares arrangements with, most shared first. */
async function networkQuery(organisationId: number): Promise<PartnerLink[]> {
  const published = publishedCte();
  const other = alias(revisionPartners, "other");
  const o = organisations;
  const arrangements = countRows().as("arrangements");
  return db()
    .with(published)
    .select({ code: o.code, name: o.name, kind: o.kind, arrangements })
    .from(published)
    .innerJoin(
      me,
      and(eq(me.revisionId, published.revisionId), eq(me.organisationId, organisationId)),
    )
    .innerJoin(
      other,
      and(eq(other.revisionId, published.revisionId), ne(other.organisationId, organisationId)),
    )
    .innerJoin(o, eq(o.id, other.organisationId))
    .groupBy(o.code, o.name, o.kind)
    .orderBy(desc(arrangements), o.name);
}

async function councilFiguresQuery(organisationId: number, currentYear: number) {
  const [arrangements, totals, network] = await Promise.all([
    arrangementsQuery(organisationId, currentYear),
    totalsQuery(organisationId, currentYear),
    networkQuery(organisationId),
  ]);
  return { arrangements, totals, network };
}

const getCouncilFigures = cachedPublic("council-figures", councilFiguresQuery);

/**
 * The page for a council code: found, moved (a former or alias code of a council, or a code in
 * lower case: answer with a redirect to the canonical address) or missing (not a council).
 */
export async function getCouncilPage(rawCode: string): Promise<CouncilLookupResult> {
  const code = rawCode.trim();
  if (!/^[A-Za-z]\d{8}$/.test(code)) return { kind: "missing" };
  const { lookup } = await councilDirectory();
  const council = lookup.byCode(code);
  if (!council) {
    const other = lookup.resolve(code.toUpperCase());
    return other ? { kind: "moved", code: other.code } : { kind: "missing" };
  }

  const ref = (c: CouncilEntry | undefined): CouncilRef | null =>
    c ? { code: c.code, name: c.name } : null;
  const [figures, successions] = await Promise.all([
    getCouncilFigures(council.id, currentFinancialYear()),
    successionsOf(council.id),
  ]);
  return {
    kind: "found",
    page: {
      council,
      parent: ref(council.parentCode ? lookup.byCode(council.parentCode) : undefined),
      ...successions,
      ...figures,
    },
  };
}
