import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { checkedRow, checkedRows, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import { cachedPublic } from "@/lib/cache/public-cache";
import { mapGeometry } from "@/lib/geo/map-shapes";
import { formatPence } from "@/lib/money";
import { registerFigures, registerOnDay, type RegisterFigures } from "@/lib/public/register";
import { councilDirectory } from "./directory";
import { arrangementsText, councilTypeLabel } from "./labels";
import { boundaryYear, classIndex, MAP_CLASSES, mapDay, type MapOptions } from "./map-options";

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
  totalPence: bigint;
  /** Takes part in a running, shared arrangement on the day (the headline's councils involved). */
  involved: boolean;
  /** Class of the chosen measure (0 = none). */
  classIndex: number;
  /** What assistive technology and the tooltip say about the area. */
  label: string;
};

export type MapModel = {
  options: MapOptions;
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

const figureRow = z
  .object({
    code: z.string(),
    arrangements: columns.int,
    via_arrangements: columns.int,
    total_pence: columns.bigintText,
    involved: z.boolean(),
  })
  .transform((r) => ({
    code: r.code,
    arrangements: r.arrangements,
    viaArrangements: r.via_arrangements,
    totalPence: r.total_pence,
    involved: r.involved,
  }));

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

/**
 * Who of the councils drawn (`codes`) takes part in what on `day`: one row per council and
 * arrangement, `only_via` when it takes part only for councils it succeeded.
 */
function takingPart(codes: string[], day: string) {
  return sql`register AS (${registerOnDay(day)}),
    taking AS (
      SELECT o.code, x.arrangement_id, bool_and(x.via_organisation_id IS NOT NULL) AS only_via
      FROM register_participants(${day}::date) x
      JOIN organisations o ON o.id = x.organisation_id
      WHERE o.code IN (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})
      GROUP BY o.code, x.arrangement_id
    )`;
}

/** Each council's figures on `day`, for the councils given (their codes). */
async function figuresQuery(codes: string[], day: string) {
  if (codes.length === 0) {
    return {
      figures: [],
      involved: { arrangements: 0, illustrative: 0, totalPence: 0n, councils: 0 },
    };
  }
  const [figures, involved] = await Promise.all([
    checkedRows(
      db(),
      figureRow,
      sql`WITH ${takingPart(codes, day)}
      SELECT t.code,
             (count(*) FILTER (WHERE NOT r.internal))::int AS arrangements,
             (count(*) FILTER (WHERE NOT r.internal AND t.only_via))::int AS via_arrangements,
             coalesce(sum(r.counted_pence), 0)::text AS total_pence,
             coalesce(bool_or(r.running AND r.participants > 1), false) AS involved
      FROM taking t JOIN register r ON r.arrangement_id = t.arrangement_id
      GROUP BY t.code`,
    ),
    checkedRow(
      db(),
      involvedRow,
      sql`WITH ${takingPart(codes, day)}
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
const getRegisterFigures = cachedPublic("register-figures", (day: string) => registerFigures(day));

/** "Devon County Council: 14 arrangements, £12.3m saved" / "…: no published arrangements". */
export function areaLabel(name: string, figures: CouncilFigures): string {
  if (figures.arrangements === 0 && figures.totalPence === 0n)
    return `${name}: no published arrangements`;
  const savings =
    figures.totalPence > 0n
      ? `${formatPence(figures.totalPence, "short")} saved`
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
  const codes = geometry.shapes.map((s) => s.council.code).sort();
  const [{ figures, involved }, register] = await Promise.all([
    getFigures(codes, day),
    getRegisterFigures(day),
  ]);
  const byCode = new Map(figures.map((f) => [f.code, f]));

  const classCounts = MAP_CLASSES[options.measure].map(() => 0);
  const areas = geometry.shapes.map(({ council, d }): MapArea => {
    const f = byCode.get(council.code) ?? {
      arrangements: 0,
      totalPence: 0n,
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
      involved: f.involved,
      classIndex: index,
      label: areaLabel(council.name, f),
    };
  });
  areas.sort(
    (a, b) => a.shortName.localeCompare(b.shortName, "en-GB") || a.code.localeCompare(b.code),
  );

  return {
    options,
    day,
    boundaryYear: drawnYear,
    register,
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
