import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { checkedRows, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import { cachedPublic } from "@/lib/cache/public-cache";
import { today } from "@/lib/clock";
import { serviceCategoryBySlug } from "@/lib/categories";
import { councilDirectory, existsOn, type CouncilEntry } from "@/lib/councils/directory";
import { councilTypeLabel } from "@/lib/councils/labels";
import { councilCentroid, distanceKm, type LonLat } from "@/lib/geo/centroids";
import type { CouncilLookup } from "@/lib/geo/councils";
import { nowPartOf, type Successor } from "@/lib/organisations/successors";
import { registerOnDay } from "@/lib/public/register";
import { REGIONS } from "@/lib/public/regions";

/*
 * The partner finder (the LGA's old "match-making service", self-service): for a council and a
 * service category, the councils already sharing that category in a published arrangement
 * (its main category or a further one), nearest first by the great-circle distance between
 * their boundaries' centroids, each with those arrangements and their public contacts.
 *
 * Who shares is the register's rule today (lib/public/register.ts): a council that replaced a
 * partner takes part for it ("via"), and an arrangement now run within one council is no
 * longer shared, so it is left out. Only councils existing today are offered to choose from;
 * a former council is answered through the councils it is part of today.
 */

export type PartnerArrangement = {
  slug: string;
  title: string;
  stage: string;
  /** Its own part, or "via" when it takes part only for councils it replaced. */
  role: "lead" | "partner" | "via";
  /** The councils it replaced that it takes part for, by name. */
  via: string[];
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
  /**
   * The former council asked about (an old link), when `council` is the one council it is part
   * of today: the results are its successor's.
   */
  askedFor: { code: string; name: string; since: string } | null;
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
  /** A former council that is part of several councils today (a split), or of none recorded. */
  | { kind: "former"; council: CouncilEntry; successors: Successor[]; category: CategoryRef }
  | { kind: "unknown-council" }
  | { kind: "unknown-category" };

type CategoryRef = { slug: string; name: string };

const categoryRow = z
  .object({
    organisation_code: z.string(),
    arrangement_id: columns.int,
    slug: z.string(),
    title: z.string(),
    stage: z.string(),
    role: z.enum(["lead", "partner", "via"]),
    via: z.array(z.string()),
    contact_name: z.string().nullable(),
    contact_email: z.string().nullable(),
    is_illustrative: z.boolean(),
  })
  .transform((r) => ({
    organisationCode: r.organisation_code,
    arrangementId: r.arrangement_id,
    arrangement: {
      slug: r.slug,
      title: r.title,
      stage: r.stage,
      role: r.role,
      via: r.via,
      contactName: r.contact_name,
      contactEmail: r.contact_email,
      isIllustrative: r.is_illustrative,
    } satisfies PartnerArrangement,
  }));

/**
 * Every council taking part on `day` in a shared arrangement of the category, one row per
 * pair, with its part in it.
 */
function categoryRowsQuery(category: string, day: string) {
  return checkedRows(
    db(),
    categoryRow,
    sql`
    WITH register AS (${registerOnDay(day, { category })}),
    taking AS (
      SELECT x.arrangement_id, x.organisation_id, bool_or(x.via_organisation_id IS NULL) AS named,
             coalesce(array_agg(v.name ORDER BY v.name) FILTER (WHERE v.id IS NOT NULL), '{}')
               AS via
      FROM register_participants(${day}::date) x
      LEFT JOIN organisations v ON v.id = x.via_organisation_id
      GROUP BY x.arrangement_id, x.organisation_id
    )
    SELECT o.code AS organisation_code, r.arrangement_id, r.slug, r.title, r.stage::text AS stage,
           CASE WHEN t.named THEN rp.role::text ELSE 'via' END AS role, t.via,
           rev.contact_name, rev.contact_email, r.is_illustrative
    FROM register r
    JOIN taking t ON t.arrangement_id = r.arrangement_id
    JOIN organisations o ON o.id = t.organisation_id AND o.kind = 'council'
    JOIN arrangement_revisions rev ON rev.id = r.revision_id
    LEFT JOIN revision_partners rp ON rp.revision_id = r.revision_id AND rp.organisation_id = o.id
    WHERE NOT r.internal
    ORDER BY r.title, r.slug`,
  );
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

/** The councils sharing the category today, nearest `council` first. */
async function partnersOf(
  lookup: CouncilLookup<CouncilEntry>,
  council: CouncilEntry,
  category: CategoryRef,
  day: string,
): Promise<PartnerResults> {
  const rows = await getCategoryRows(category.slug, day);
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
    council,
    askedFor: null,
    category,
    own,
    partners,
    arrangements: arrangementIds.size,
    illustrative: illustrativeIds.size,
  };
}

/**
 * The councils sharing a service, nearest the chosen council first. A council that has ceased
 * takes part in nothing today, so an old link to one is answered through its successors: for
 * the one council it is part of today, that council's results; for several (a split), the
 * choice of them.
 */
export async function findPartners(
  councilCode: string,
  categorySlug: string,
): Promise<FindPartnersResult> {
  const found = serviceCategoryBySlug(categorySlug);
  if (!found) return { kind: "unknown-category" };
  const category = { slug: found.slug, name: found.name };
  const { lookup } = await councilDirectory();
  const council = lookup.byCode(councilCode);
  if (!council) return { kind: "unknown-council" };
  const day = today();
  if (council.endDate === null || council.endDate >= day) {
    return { kind: "found", results: await partnersOf(lookup, council, category, day) };
  }

  const successors = (await nowPartOf([council.code], day))[council.code] ?? [];
  const only = successors.length === 1 ? lookup.byCode(successors[0]!.code) : undefined;
  if (!only || !existsOn(only, day)) return { kind: "former", council, successors, category };
  const results = await partnersOf(lookup, only, category, day);
  return {
    kind: "found",
    results: {
      ...results,
      askedFor: { code: council.code, name: council.name, since: successors[0]!.since },
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
 * The councils to choose from, by region in the register's order: those existing today. A
 * former council is never offered; an old link to one is answered through its successors
 * (findPartners).
 */
export async function partnerFinderCouncils(): Promise<
  Array<{ region: string; councils: CouncilChoice[] }>
> {
  const { councils } = await councilDirectory();
  const day = today();
  const byRegion = new Map<string, CouncilChoice[]>(REGIONS.map((r) => [r.name, []]));
  for (const c of councils) {
    if (!existsOn(c, day)) continue;
    const region = c.region ?? "Other";
    const list = byRegion.get(region) ?? [];
    list.push({ code: c.code, name: c.shortName });
    byRegion.set(region, list);
  }
  return [...byRegion]
    .filter(([, list]) => list.length > 0)
    .map(([region, list]) => ({
      region,
      councils: list.sort((a, b) => a.name.localeCompare(b.name, "en-GB")),
    }));
}

/** Councils shown on a page of results. */
export const PARTNERS_PAGE_SIZE = 20;

/** One page of the results (from 1); `pages` is at least 1. */
export function partnersPage<T>(
  partners: readonly T[],
  page: number,
): { rows: T[]; page: number; pages: number; first: number } {
  const pages = Math.max(1, Math.ceil(partners.length / PARTNERS_PAGE_SIZE));
  const start = (page - 1) * PARTNERS_PAGE_SIZE;
  return { rows: partners.slice(start, start + PARTNERS_PAGE_SIZE), page, pages, first: start + 1 };
}
