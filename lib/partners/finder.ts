import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { arrangementRevisions, organisations, revisionPartners } from "@/db/schema";
import { cachedPublic } from "@/lib/cache/public-cache";
import { serviceCategoryBySlug } from "@/lib/categories";
import { councilDirectory, existsOn, type CouncilEntry } from "@/lib/councils/directory";
import { councilTypeLabel } from "@/lib/councils/labels";
import { councilCentroid, distanceKm, type LonLat } from "@/lib/geo/centroids";
import type { CouncilLookup } from "@/lib/geo/councils";
import { publishedCte } from "@/lib/public/published";
import { REGIONS } from "@/lib/public/regions";

/*
 * The partner finder (the LGA's old "match-making service", self-service): for a council and a
 * service category, the councils already sharing that category in a published arrangement
 * (its main category or a further one), nearest first by the great-circle distance between
 * their boundaries' centroids, each with those arrangements and their public contacts.
 */

export type PartnerArrangement = {
  slug: string;
  title: string;
  stage: string;
  role: "lead" | "partner";
  contactName: string | null;
  contactEmail: string | null;
  isIllustrative: boolean;
};

export type PartnerCouncil = {
  code: string;
  name: string;
  typeLabel: string;
  region: string | null;
  endDate: string | null;
  /** The councils that replaced it, when it was abolished. */
  replacedBy: CouncilRef[];
  /** Centroid to centroid, km; null when a boundary is unknown (not with the shipped data). */
  distanceKm: number | null;
  arrangements: PartnerArrangement[];
};

type CouncilRef = { code: string; name: string };

export type PartnerResults = {
  council: CouncilEntry;
  /** The councils that replaced the chosen one, when it was abolished. */
  replacedBy: CouncilRef[];
  category: { slug: string; name: string };
  /** The chosen council's own arrangements in the category. */
  own: PartnerArrangement[];
  /** Other councils sharing the category, nearest first. */
  partners: PartnerCouncil[];
  /** Published arrangements behind the results, and how many of them are illustrative. */
  arrangements: number;
  illustrative: number;
};

export type FindPartnersResult =
  | { kind: "found"; results: PartnerResults }
  | { kind: "unknown-council" }
  | { kind: "unknown-category" };

/** Every council taking part in a published arrangement of the category, one row per pair. */
async function categoryRowsQuery(category: string) {
  const published = publishedCte({ category });
  const r = arrangementRevisions;
  const o = organisations;
  return db()
    .with(published)
    .select({
      organisationCode: o.code,
      arrangementId: published.arrangementId,
      arrangement: {
        slug: published.slug,
        title: published.title,
        stage: published.stage,
        role: revisionPartners.role,
        contactName: r.contactName,
        contactEmail: r.contactEmail,
        isIllustrative: published.isIllustrative,
      },
    })
    .from(published)
    .innerJoin(r, eq(r.id, published.revisionId))
    .innerJoin(revisionPartners, eq(revisionPartners.revisionId, published.revisionId))
    .innerJoin(o, and(eq(o.id, revisionPartners.organisationId), sql`${o.kind} = 'council'`))
    .orderBy(published.title, published.slug);
}

const getCategoryRows = cachedPublic("partner-category-rows", categoryRowsQuery);

/** The councils that replaced `council` (none while it runs), by their names in the directory. */
function replacedBy(lookup: CouncilLookup<CouncilEntry>, council: CouncilEntry): CouncilRef[] {
  return council.replacedByCodes.flatMap((code) => {
    const successor = lookup.byCode(code);
    return successor ? [{ code, name: successor.name }] : [];
  });
}

/** Another council as a result, at its distance from `origin`, before its arrangements. */
function partnerCouncil(
  lookup: CouncilLookup<CouncilEntry>,
  other: CouncilEntry,
  origin: LonLat | undefined,
): PartnerCouncil {
  const at = councilCentroid(lookup, other);
  return {
    code: other.code,
    name: other.name,
    typeLabel: councilTypeLabel(other.councilType),
    region: other.region,
    endDate: other.endDate,
    replacedBy: replacedBy(lookup, other),
    distanceKm: origin && at ? distanceKm(origin, at) : null,
    arrangements: [],
  };
}

export async function findPartners(
  councilCode: string,
  categorySlug: string,
): Promise<FindPartnersResult> {
  const category = serviceCategoryBySlug(categorySlug);
  if (!category) return { kind: "unknown-category" };
  const { lookup } = await councilDirectory();
  const council = lookup.byCode(councilCode);
  if (!council) return { kind: "unknown-council" };

  const rows = await getCategoryRows(category.slug);
  const origin = councilCentroid(lookup, council);
  const own: PartnerArrangement[] = [];
  const byCouncil = new Map<string, PartnerCouncil>();
  const arrangementIds = new Set<number>();
  const illustrativeIds = new Set<number>();
  for (const row of rows) {
    arrangementIds.add(row.arrangementId);
    if (row.arrangement.isIllustrative) illustrativeIds.add(row.arrangementId);
    if (row.organisationCode === council.code) {
      own.push(row.arrangement);
      continue;
    }
    let partner = byCouncil.get(row.organisationCode);
    if (!partner) {
      const other = lookup.byCode(row.organisationCode);
      if (!other) continue;
      partner = partnerCouncil(lookup, other, origin);
      byCouncil.set(other.code, partner);
    }
    partner.arrangements.push(row.arrangement);
  }

  const partners = [...byCouncil.values()].sort(
    (a, b) =>
      (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
      a.name.localeCompare(b.name, "en-GB"),
  );
  return {
    kind: "found",
    results: {
      council,
      replacedBy: replacedBy(lookup, council),
      category: { slug: category.slug, name: category.name },
      own,
      partners,
      arrangements: arrangementIds.size,
      illustrative: illustrativeIds.size,
    },
  };
}

/** "850 m", "7.6 km", "112 km". */
export function formatDistance(km: number | null): string {
  if (km === null) return "distance unknown";
  if (km < 1) return `${Math.round(km * 1000)} m`;
  if (km < 10) return `${km.toFixed(1)} km`;
  return `${Math.round(km).toLocaleString("en-GB")} km`;
}

export type CouncilChoice = { code: string; name: string };

/**
 * The councils to choose from, by region in the register's order: those existing today, and
 * the chosen one if it is a former council (reached by an old link).
 */
export async function partnerFinderCouncils(
  chosen?: string,
): Promise<Array<{ region: string; councils: CouncilChoice[] }>> {
  const { councils } = await councilDirectory();
  const today = new Date().toISOString().slice(0, 10);
  const byRegion = new Map<string, CouncilChoice[]>(REGIONS.map((r) => [r.name, []]));
  for (const c of councils) {
    if (!existsOn(c, today) && c.code !== chosen) continue;
    const region = c.region ?? "Other";
    const list = byRegion.get(region) ?? [];
    list.push({ code: c.code, name: existsOn(c, today) ? c.shortName : `${c.shortName} (former)` });
    byRegion.set(region, list);
  }
  return [...byRegion]
    .filter(([, list]) => list.length > 0)
    .map(([region, list]) => ({
      region,
      councils: list.sort((a, b) => a.name.localeCompare(b.name, "en-GB")),
    }));
}
