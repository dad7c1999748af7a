import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { checkedRow, checkedRows, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import { cachedPublic } from "@/lib/cache/public-cache";
import { mapGeometry } from "@/lib/geo/map-shapes";
import { formatHeadlinePounds } from "@/lib/money";
import { serviceCategoryBySlug } from "@/lib/categories";
import type { PublishedFilters } from "@/lib/public/filters";
import { registerFigures, registerOnDay, type RegisterFigures } from "@/lib/public/register";
import { regionBySlug } from "@/lib/public/regions";
import { councilDirectory } from "./directory";
import { figuresByCouncil, takingPart } from "./figures-by-council";
import { arrangementsText, councilTypeLabel } from "./labels";
import { boundaryYear, classIndex, MAP_CLASSES, mapDay, type MapOptions } from "./map-options";
import { boxCentre, findCouncil, pathBounds, unionBox, type Box } from "./map-selection";

/*
 * The map of England: one shape per council that existed in the chosen year, each with its
 * figures from the register as it stood on the year's day (map-options.ts: today for the
 * current year, else 1 April), by the register's rule (lib/public/register.ts).
 *
 * A council's figures count the shared arrangements it takes part in on that day — itself, or
 * for a council it succeeded ("via" it: Cumberland carries Allerdale's) — and the savings of
 * the arrangements it takes part in, each counted in full for every council taking part
 * (savings are recorded for the whole arrangement, not shared out); an arrangement run within
 * one council by then is no longer shared, its savings of the years before still count. So
 * councils' savings do not add up to the national total; the map's own total counts each
 * arrangement once, and says how it stands against the home page's for the same day.
 */

export type CouncilFigures = {
  arrangements: number;
  totalPence: bigint;
  /** Of `arrangements`, those it takes part in only for a council it succeeded. */
  viaArrangements: number;
};

export type MapArea = {
  code: string;
  name: string;
  shortName: string;
  typeLabel: string;
  d: string;
  arrangements: number;
  viaArrangements: number;
  /** Savings of the whole partnerships it takes part in: these overlap between councils. */
  totalPence: bigint;
  /** Its share of them: each arrangement's savings split equally (lib/public/shares.ts). */
  sharePence: bigint;
  /** Takes part in a running, shared arrangement on the day (the headline's councils involved). */
  involved: boolean;
  /** Class of the chosen measure (0 = none). */
  classIndex: number;
  /** What assistive technology and the tooltip say about the area. */
  label: string;
};

/** An organisation taking part with the selected council in its shared arrangements. */
export type MapPartner = {
  code: string;
  name: string;
  kind: string;
  /** Shared arrangements (of the map's category, if any) they are both in on the day. */
  arrangements: number;
  /** Drawn on this map (a council of the tier and region shown), so a line goes to it. */
  drawn: boolean;
};

/** A line on the map from the selected council to a partner drawn, in map units. */
export type PartnerLine = { code: string; x1: number; y1: number; x2: number; y2: number };

export type MapSelection =
  | {
      kind: "found";
      code: string;
      name: string;
      /** Its shared arrangements on the day: the figure its area is named with. */
      arrangements: number;
      partners: MapPartner[];
      lines: PartnerLine[];
      /** Its shape, drawn again on top as the selection's outline. */
      d: string;
    }
  | { kind: "not-found"; query: string; suggestions: { code: string; name: string }[] };

export type MapModel = {
  options: MapOptions;
  /** The part of the map shown, in map units: all of England, or the region's councils. */
  viewBox: Box;
  /** The service category's name, when the map shows only that category's arrangements. */
  categoryName?: string;
  /** The region's name, when the map shows only that region's councils. */
  regionName?: string;
  /** The council found from the search box (with its partners), or what was not found. */
  selection?: MapSelection;
  /**
   * With a category: the dashboard's figures for it on the day (shared arrangements in the
   * category, each once, and their savings), which the map's totals are set beside.
   */
  categoryTotals?: { arrangements: number; totalPence: bigint };
  /** The day the register is read on (ISO date). */
  day: string;
  /** The boundaries' year (the chosen year, or the latest shipped for a later one). */
  boundaryYear: number;
  width: number;
  height: number;
  /** One per council drawn, ordered by short name. */
  areas: MapArea[];
  /** Councils in each class of the chosen measure. */
  classCounts: number[];
  /**
   * Shared arrangements a council drawn takes part in on the day, each counted once, and the
   * savings of every arrangement one takes part in; councils drawn taking part in a running,
   * shared arrangement.
   */
  involved: {
    arrangements: number;
    illustrative: number;
    totalPence: bigint;
    councils: number;
  };
  /** The whole register's figures on the day: what the home page shows for it. */
  register: RegisterFigures;
  hex?: { layoutYear: number; moved: { code: string; name: string }[] };
  /** Boundary codes no council stands for; empty with the shipped data. */
  unresolved: string[];
};

const involvedRow = z
  .object({
    arrangements: columns.int,
    illustrative: columns.int,
    total_pence: columns.bigintText,
  })
  .transform((r) => ({
    arrangements: r.arrangements,
    illustrative: r.illustrative,
    totalPence: r.total_pence,
  }));

/** Each council's figures on `day`, for the councils given (their codes). */
async function figuresQuery(codes: string[], day: string, category: string | null) {
  const filters: PublishedFilters = category ? { category } : {};
  if (codes.length === 0) {
    return {
      figures: [],
      involved: { arrangements: 0, illustrative: 0, totalPence: 0n, councils: 0 },
    };
  }
  const [figures, involved] = await Promise.all([
    figuresByCouncil(codes, day, filters),
    checkedRow(
      db(),
      involvedRow,
      sql`WITH ${takingPart(codes, day, filters)}
      SELECT (count(*) FILTER (WHERE NOT r.internal))::int AS arrangements,
             (count(*) FILTER (WHERE NOT r.internal AND r.is_illustrative))::int AS illustrative,
             coalesce(sum(r.counted_pence), 0)::text AS total_pence
      FROM register r
      WHERE r.arrangement_id IN (SELECT arrangement_id FROM taking)`,
    ),
  ]);
  return {
    figures,
    involved: { ...involved, councils: figures.filter((f) => f.involved).length },
  };
}

const getFigures = cachedPublic("map-figures", figuresQuery);

const categoryTotalsRow = z
  .object({ arrangements: columns.int, total_pence: columns.bigintText })
  .transform((r) => ({ arrangements: r.arrangements, totalPence: r.total_pence }));

/** The dashboard's headline for a category on `day`: its shared arrangements and savings. */
function categoryTotalsQuery(category: string, day: string) {
  return checkedRow(
    db(),
    categoryTotalsRow,
    sql`SELECT (count(*) FILTER (WHERE NOT r.internal))::int AS arrangements,
               coalesce(sum(r.counted_pence), 0)::text AS total_pence
        FROM (${registerOnDay(day, { category })}) r`,
  );
}

const getCategoryTotals = cachedPublic("map-category-totals", categoryTotalsQuery);

const partnerRow = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  arrangements: columns.int,
});

/**
 * The organisations taking part with council `code` on `day` in the shared arrangements it
 * takes part in (of `category`, if given): the arrangements its area counts, and who else is
 * in them by the register's rule. Most shared first.
 */
function partnersQuery(code: string, day: string, category: string | null) {
  return checkedRows(
    db(),
    partnerRow,
    sql`WITH register AS (${registerOnDay(day, category ? { category } : {})}),
    parts AS (SELECT * FROM register_participants(${day}::date)),
    mine AS (
      SELECT DISTINCT x.arrangement_id FROM parts x
      JOIN organisations o ON o.id = x.organisation_id AND o.code = ${code}
      JOIN register r ON r.arrangement_id = x.arrangement_id AND NOT r.internal
    )
    SELECT o.code, o.name, o.kind::text AS kind,
           count(DISTINCT x.arrangement_id)::int AS arrangements
    FROM parts x
    JOIN mine m ON m.arrangement_id = x.arrangement_id
    JOIN organisations o ON o.id = x.organisation_id AND o.code <> ${code}
    GROUP BY o.code, o.name, o.kind
    ORDER BY arrangements DESC, o.name`,
  );
}

const getPartners = cachedPublic("map-partners", partnersQuery);

/** The council typed into the search box, its partners, and lines to those drawn. */
async function selectionFor(
  query: string,
  areas: readonly MapArea[],
  day: string,
  category: string | null,
): Promise<MapSelection> {
  const found = findCouncil(areas, query);
  if (found.kind === "not-found") {
    return {
      kind: "not-found",
      query: found.query,
      suggestions: found.suggestions.map((a) => ({ code: a.code, name: a.name })),
    };
  }
  const selected = found.council;
  const drawn = new Map(areas.map((a) => [a.code, a]));
  const partners = (await getPartners(selected.code, day, category)).map((p): MapPartner => ({
    ...p,
    drawn: drawn.has(p.code),
  }));
  const centre = (area: MapArea) => {
    const box = pathBounds(area.d);
    return box ? boxCentre(box) : null;
  };
  const from = centre(selected);
  const lines: PartnerLine[] = [];
  for (const p of partners) {
    const area = drawn.get(p.code);
    const to = area && centre(area);
    if (from && to) lines.push({ code: p.code, x1: from[0], y1: from[1], x2: to[0], y2: to[1] });
  }
  return {
    kind: "found",
    code: selected.code,
    name: selected.name,
    arrangements: selected.arrangements,
    partners,
    lines,
    d: selected.d,
  };
}
const getRegisterFigures = cachedPublic("register-figures", (day: string) => registerFigures(day));

/** "Devon County Council: 14 arrangements, £12.3m saved" / "…: no published arrangements". */
export function areaLabel(name: string, figures: CouncilFigures): string {
  if (figures.arrangements === 0 && figures.totalPence === 0n)
    return `${name}: no published arrangements`;
  const savings =
    figures.totalPence > 0n
      ? `${formatHeadlinePounds(figures.totalPence)} saved`
      : "no savings recorded";
  const via =
    figures.viaArrangements > 0
      ? ` (${figures.viaArrangements.toLocaleString("en-GB")} through councils it replaced)`
      : "";
  return `${name}: ${arrangementsText(figures.arrangements)}${via}, ${savings}`;
}

/** Everything the map page draws, for the options given. */
export async function getMapModel(options: MapOptions): Promise<MapModel> {
  const { lookup } = await councilDirectory();
  const day = mapDay(options.year);
  const drawnYear = boundaryYear(options.year);
  const geometry = mapGeometry(drawnYear, options.tier, options.view, lookup);
  const region = options.region ? regionBySlug(options.region) : undefined;
  const shapes = region
    ? geometry.shapes.filter((s) => s.council.region === region.name)
    : geometry.shapes;
  const codes = shapes.map((s) => s.council.code).sort();
  const category = options.category ?? null;
  const [{ figures, involved }, register, categoryTotals] = await Promise.all([
    getFigures(codes, day, category),
    getRegisterFigures(day),
    category ? getCategoryTotals(category, day) : undefined,
  ]);
  const byCode = new Map(figures.map((f) => [f.code, f]));

  const classCounts = MAP_CLASSES[options.measure].map(() => 0);
  const areas = shapes.map(({ council, d }): MapArea => {
    const f = byCode.get(council.code) ?? {
      arrangements: 0,
      totalPence: 0n,
      sharePence: 0n,
      viaArrangements: 0,
      involved: false,
    };
    const index = classIndex(options.measure, f);
    classCounts[index]! += 1;
    return {
      code: council.code,
      name: council.name,
      shortName: council.shortName,
      typeLabel: councilTypeLabel(council.councilType),
      d,
      arrangements: f.arrangements,
      viaArrangements: f.viaArrangements,
      totalPence: f.totalPence,
      sharePence: f.sharePence,
      involved: f.involved,
      classIndex: index,
      label: areaLabel(council.name, f),
    };
  });
  areas.sort(
    (a, b) => a.shortName.localeCompare(b.shortName, "en-GB") || a.code.localeCompare(b.code),
  );

  const whole = { x: 0, y: 0, width: geometry.width, height: geometry.height };
  const zoomed = region
    ? unionBox(
        areas.flatMap((a) => pathBounds(a.d) ?? []),
        Math.round(geometry.width / 100),
      )
    : null;

  return {
    options,
    day,
    boundaryYear: drawnYear,
    register,
    viewBox: zoomed ?? whole,
    categoryName: category ? serviceCategoryBySlug(category)?.name : undefined,
    regionName: region?.name,
    categoryTotals,
    selection: options.council
      ? await selectionFor(options.council, areas, day, category)
      : undefined,
    width: geometry.width,
    height: geometry.height,
    areas,
    classCounts,
    involved,
    hex: geometry.hex && {
      layoutYear: geometry.hex.layoutYear,
      moved: geometry.hex.moved.map((c) => ({ code: c.code, name: c.name })),
    },
    unresolved: geometry.unresolved,
  };
}
