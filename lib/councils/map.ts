import "server-only";
import { and, eq, exists, inArray, sql } from "drizzle-orm";
import { countRows, queryBuilder, sumPence } from "@/db/typed-sql";
import { db } from "@/db/client";
import { organisations, revisionPartners } from "@/db/schema";
import { cachedPublic } from "@/lib/cache/public-cache";
import { mapGeometry } from "@/lib/geo/map-shapes";
import { formatPence } from "@/lib/money";
import { publishedCte } from "@/lib/public/published";
import { councilDirectory } from "./directory";
import { arrangementsText, councilTypeLabel } from "./labels";
import { classIndex, MAP_CLASSES, type MapOptions } from "./map-options";

/*
 * The map of England: one shape per council that existed in the chosen year, each with its
 * figures from the published register.
 *
 * A council's figures count every published arrangement it leads or is a partner in (whatever
 * the arrangement's dates: the year chooses which councils are drawn), and the total savings of
 * those arrangements, each counted in full for every council taking part (savings are recorded
 * for the whole arrangement, not shared out). So councils' savings do not add up to the
 * national total; the map's own total counts each arrangement once.
 */

export type CouncilFigures = { arrangements: number; totalPence: bigint };

export type MapArea = {
  code: string;
  name: string;
  shortName: string;
  typeLabel: string;
  d: string;
  arrangements: number;
  totalPence: bigint;
  /** Class of the chosen measure (0 = none). */
  classIndex: number;
  /** What assistive technology and the tooltip say about the area. */
  label: string;
};

export type MapModel = {
  options: MapOptions;
  width: number;
  height: number;
  /** One per council drawn, ordered by short name. */
  areas: MapArea[];
  /** Councils in each class of the chosen measure. */
  classCounts: number[];
  /** Published arrangements involving at least one council drawn, each counted once. */
  involved: { arrangements: number; illustrative: number; totalPence: bigint };
  hex?: { layoutYear: number; moved: { code: string; name: string }[] };
  /** Boundary codes no council stands for; empty with the shipped data. */
  unresolved: string[];
};

/** Each council's published figures, for the councils given (their codes). */
async function figuresQuery(codes: string[]): Promise<{
  figures: Array<{ code: string } & CouncilFigures>;
  involved: MapModel["involved"];
}> {
  if (codes.length === 0) {
    return { figures: [], involved: { arrangements: 0, illustrative: 0, totalPence: 0n } };
  }
  const published = publishedCte();
  const o = organisations;
  const rp = revisionPartners;
  const wanted = inArray(o.code, codes);
  const [figures, [involved]] = await Promise.all([
    db()
      .with(published)
      .select({
        code: o.code,
        arrangements: countRows(),
        totalPence: sumPence(published.totalPence),
      })
      .from(published)
      .innerJoin(rp, eq(rp.revisionId, published.revisionId))
      .innerJoin(o, eq(o.id, rp.organisationId))
      .where(wanted)
      .groupBy(o.code),
    db()
      .with(published)
      .select({
        arrangements: countRows(),
        illustrative: countRows(published.isIllustrative),
        totalPence: sumPence(published.totalPence),
      })
      .from(published)
      .where(
        exists(
          queryBuilder
            .select({ one: sql`1` })
            .from(rp)
            .innerJoin(o, eq(o.id, rp.organisationId))
            .where(and(eq(rp.revisionId, published.revisionId), wanted)),
        ),
      ),
  ]);
  return { figures, involved: involved! };
}

const getFigures = cachedPublic("map-figures", figuresQuery);

/** "Devon County Council: 14 arrangements, £12.3m saved" / "…: no published arrangements". */
export function areaLabel(name: string, figures: CouncilFigures): string {
  if (figures.arrangements === 0) return `${name}: no published arrangements`;
  const savings =
    figures.totalPence > 0n
      ? `${formatPence(figures.totalPence, "short")} saved`
      : "no savings recorded";
  return `${name}: ${arrangementsText(figures.arrangements)}, ${savings}`;
}

/** Everything the map page draws, for the options given. */
export async function getMapModel(options: MapOptions): Promise<MapModel> {
  const { lookup } = await councilDirectory();
  const geometry = mapGeometry(options.year, options.tier, options.view, lookup);
  const codes = geometry.shapes.map((s) => s.council.code).sort();
  const { figures, involved } = await getFigures(codes);
  const byCode = new Map(figures.map((f) => [f.code, f]));

  const classCounts = MAP_CLASSES[options.measure].map(() => 0);
  const areas = geometry.shapes.map(({ council, d }): MapArea => {
    const f = byCode.get(council.code) ?? { arrangements: 0, totalPence: 0n };
    const index = classIndex(options.measure, f);
    classCounts[index]! += 1;
    return {
      code: council.code,
      name: council.name,
      shortName: council.shortName,
      typeLabel: councilTypeLabel(council.councilType),
      d,
      arrangements: f.arrangements,
      totalPence: f.totalPence,
      classIndex: index,
      label: areaLabel(council.name, f),
    };
  });
  areas.sort(
    (a, b) => a.shortName.localeCompare(b.shortName, "en-GB") || a.code.localeCompare(b.code),
  );

  return {
    options,
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
