import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { cachedPublic } from "@/lib/cache/public-cache";
import { serviceCategoryBySlug } from "@/lib/categories";
import { councilDirectory, existsOn, type CouncilEntry } from "@/lib/councils/directory";
import { councilTypeLabel } from "@/lib/councils/labels";
import { councilCentroid, distanceKm } from "@/lib/geo/centroids";
import { publishedArrangements } from "@/lib/public/published";
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
  replacedBy: { code: string; name: string } | null;
  /** Centroid to centroid, km; null when a boundary is unknown (not with the shipped data). */
  distanceKm: number | null;
  arrangements: PartnerArrangement[];
};

export type PartnerResults = {
  council: CouncilEntry;
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

type Row = {
  organisation_code: string;
  arrangement_id: number;
  slug: string;
  title: string;
  stage: string;
  role: "lead" | "partner";
  contact_name: string | null;
  contact_email: string | null;
  is_illustrative: boolean;
};

/** Every council taking part in a published arrangement of the category, one row per pair. */
async function categoryRowsQuery(category: string): Promise<Row[]> {
  return db().execute<Row>(sql`
    WITH published AS (${publishedArrangements({ category })})
    SELECT o.code AS organisation_code, p.arrangement_id, p.slug, p.title, p.stage, rp.role,
           r.contact_name, r.contact_email, p.is_illustrative
    FROM published p
    JOIN arrangement_revisions r ON r.id = p.revision_id
    JOIN revision_partners rp ON rp.revision_id = p.revision_id
    JOIN organisations o ON o.id = rp.organisation_id AND o.kind = 'council'
    ORDER BY p.title, p.slug
  `);
}

const getCategoryRows = cachedPublic("partner-category-rows", categoryRowsQuery);

function toArrangement(r: Row): PartnerArrangement {
  return {
    slug: r.slug,
    title: r.title,
    stage: r.stage,
    role: r.role,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    isIllustrative: r.is_illustrative,
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
    arrangementIds.add(row.arrangement_id);
    if (row.is_illustrative) illustrativeIds.add(row.arrangement_id);
    if (row.organisation_code === council.code) {
      own.push(toArrangement(row));
      continue;
    }
    let partner = byCouncil.get(row.organisation_code);
    if (!partner) {
      const other = lookup.byCode(row.organisation_code);
      if (!other) continue;
      const at = councilCentroid(lookup, other);
      partner = {
        code: other.code,
        name: other.name,
        typeLabel: councilTypeLabel(other.councilType),
        region: other.region,
        endDate: other.endDate,
        replacedBy:
          other.replacedByCode && other.replacedByName
            ? { code: other.replacedByCode, name: other.replacedByName }
            : null,
        distanceKm: origin && at ? distanceKm(origin, at) : null,
        arrangements: [],
      };
      byCouncil.set(other.code, partner);
    }
    partner.arrangements.push(toArrangement(row));
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
