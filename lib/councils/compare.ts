import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { checkedRows, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import { cachedPublic } from "@/lib/cache/public-cache";
import { today } from "@/lib/clock";
import { perResidentPence } from "@/lib/money";
import { nowPartOf, type Successor } from "@/lib/organisations/successors";
import { getCouncilFigures, registerAndMine, type Whose } from "./council-page";
import { MAX_COMPARED, MIN_COMPARED, type CompareQuery } from "./compare-query";
import { councilDirectory, existsOn, type CouncilEntry } from "./directory";
import { shareYearsByCouncil } from "./figures-by-council";

/*
 * Councils side by side (/compare, /api/v1/compare): for each, today, the figures of its council
 * page (lib/councils/council-page.ts, by the register's rule: the arrangements it takes part in,
 * itself or for councils it replaced; their savings, whole and its equal share, lib/public/
 * shares.ts) and two more over the same arrangements: its share year by year (as its profile
 * reads it, lib/councils/figures-by-council.ts), and the services (main categories) of the
 * shared ones. Only councils existing today are compared: a former council's code stands for
 * the councils it is part of today (Allerdale → Cumberland), and the page and the API say so.
 */

export type ShareYear = { financialYear: number; sharePence: bigint };
export type SharedService = { slug: string; name: string; arrangements: number };

export type ComparedCouncil = {
  council: CouncilEntry;
  /** Shared arrangements it takes part in today (those run within it alone not counted). */
  arrangements: number;
  /** The savings of those arrangements, each in full: they overlap between councils. */
  totalPence: bigint;
  /** Its equal share of them, which does not overlap. */
  sharePence: bigint;
  /** Its share over its population, to the penny; null without a population. */
  sharePerResidentPence: bigint | null;
  /** Its share year by year (each year's savings split on their own), years with savings. */
  shareYears: ShareYear[];
  /** Main services of its shared arrangements, in the categories' order. */
  services: SharedService[];
};

export type Comparison = {
  day: string;
  councils: ComparedCouncil[];
  /** Distinct arrangements behind the figures, and how many are illustrative demo records. */
  arrangements: number;
  illustrative: number;
};

/** A former council asked for, and the councils it is part of today, compared in its place. */
export type Replacement = { code: string; name: string; successors: Successor[] };

export type CompareProblem =
  | { kind: "malformed"; values: string[] }
  | { kind: "unknown"; codes: string[] }
  | { kind: "not-formed"; council: CouncilEntry }
  | { kind: "no-successor"; council: CouncilEntry }
  | { kind: "too-few"; count: number }
  | { kind: "too-many"; count: number };

export type CompareSelection = {
  /** The councils to compare: existing today, in the order asked, each once. */
  councils: CouncilEntry[];
  replaced: Replacement[];
  /** What could not be compared, and whether there are too few or too many. */
  problems: CompareProblem[];
};

/** A code as the councils existing today: itself, or those it is part of now; or why not. */
async function resolveCode(
  code: string,
  directory: Awaited<ReturnType<typeof councilDirectory>>,
  day: string,
): Promise<{ councils: CouncilEntry[]; replaced?: Replacement; problem?: CompareProblem }> {
  const { lookup } = directory;
  const council = lookup.byCode(code) ?? lookup.resolve(code);
  if (!council) return { councils: [] };
  if (existsOn(council, day)) return { councils: [council] };
  if (council.startDate !== null && council.startDate > day) {
    return { councils: [], problem: { kind: "not-formed", council } };
  }
  const successors = ((await nowPartOf([council.code], day))[council.code] ?? []).filter((s) => {
    const entry = lookup.byCode(s.code);
    return entry !== undefined && existsOn(entry, day);
  });
  if (successors.length === 0) {
    return { councils: [], problem: { kind: "no-successor", council } };
  }
  return {
    councils: successors.map((s) => lookup.byCode(s.code)!),
    replaced: { code: council.code, name: council.name, successors },
  };
}

/**
 * The councils a question names, today: unknown codes and those that cannot be compared are
 * problems, as are fewer than MIN_COMPARED or more than MAX_COMPARED councils (on the page, none
 * at all is a problem only when something was asked: a first visit; `strict` for downloads and
 * the API, where it always is).
 */
export async function selectCouncils(
  query: CompareQuery,
  { strict = false }: { strict?: boolean } = {},
): Promise<CompareSelection> {
  const directory = await councilDirectory();
  const day = today();
  const councils: CouncilEntry[] = [];
  const replaced: Replacement[] = [];
  const problems: CompareProblem[] = [];
  const unknown: string[] = [];
  if (query.malformed.length > 0) problems.push({ kind: "malformed", values: query.malformed });
  for (const code of query.codes) {
    const found = await resolveCode(code, directory, day);
    if (found.replaced) replaced.push(found.replaced);
    if (found.problem) problems.push(found.problem);
    else if (found.councils.length === 0) unknown.push(code);
    for (const c of found.councils) if (!councils.some((x) => x.id === c.id)) councils.push(c);
  }
  if (unknown.length > 0) problems.push({ kind: "unknown", codes: unknown });
  if (councils.length > MAX_COMPARED) problems.push({ kind: "too-many", count: councils.length });
  else if (councils.length < MIN_COMPARED && (strict || query.asked || councils.length > 0)) {
    problems.push({ kind: "too-few", count: councils.length });
  }
  return { councils, replaced, problems };
}

/** True when the selection can be compared: its count is in range (other problems aside). */
export function comparable(selection: CompareSelection): boolean {
  return !selection.problems.some((p) => p.kind === "too-few" || p.kind === "too-many");
}

/* Its share by year (as its profile reads it) and its services ----------------------------- */

const serviceRow = z.object({ slug: z.string(), name: z.string(), arrangements: columns.int });

function servicesQuery(whose: Whose): Promise<SharedService[]> {
  return checkedRows(
    db(),
    serviceRow,
    sql`WITH ${registerAndMine(whose)}
    SELECT c.slug, c.name, count(*)::int AS arrangements
    FROM taking t JOIN service_categories c ON c.id = t.main_category_id
    WHERE NOT t.internal
    GROUP BY c.slug, c.name, c.sort_order
    ORDER BY c.sort_order, c.name`,
  );
}

async function compareFiguresQuery(organisationId: number, code: string, day: string) {
  const [years, services] = await Promise.all([
    shareYearsByCouncil([code], day),
    servicesQuery({ organisationId, day, ceased: false }),
  ]);
  const shareYears = years.map(({ financialYear, sharePence }) => ({ financialYear, sharePence }));
  return { shareYears, services };
}

const getCompareFigures = cachedPublic("compare-figures", compareFiguresQuery);

/** The figures of councils existing today, side by side, in the order given. */
export async function compareCouncils(councils: readonly CouncilEntry[]): Promise<Comparison> {
  const day = today();
  const rows = await Promise.all(
    councils.map(async (council) => {
      const [figures, extra] = await Promise.all([
        getCouncilFigures(council.id, day, false),
        getCompareFigures(council.id, council.code, day),
      ]);
      return { council, figures, extra };
    }),
  );
  const behind = new Map<string, boolean>();
  for (const { figures } of rows) {
    for (const a of figures.arrangements) if (!a.internalFrom) behind.set(a.slug, a.isIllustrative);
  }
  return {
    day,
    councils: rows.map(({ council, figures, extra }) => ({
      council,
      arrangements: figures.totals.arrangements,
      totalPence: figures.totals.totalPence,
      sharePence: figures.totals.sharePence,
      sharePerResidentPence: perResidentPence(figures.totals.sharePence, council.population),
      ...extra,
    })),
    arrangements: behind.size,
    illustrative: [...behind.values()].filter(Boolean).length,
  };
}
