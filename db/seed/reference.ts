/**
 * Reference data: organisations read from the files shipped in db/reference (see SOURCES.md
 * there for sources and licences). Pure functions: they read files, never the database.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { neighbors } from "topojson-client";
import type { GeometryObject, Topology } from "topojson-specification";

export type OrganisationKind = "council" | "fire" | "police" | "health" | "other";

/** An organisation row as the seed upserts it; `replacedByCode` is resolved to an id on insert. */
export type ReferenceOrganisation = {
  code: string;
  gssCode: string | null;
  formerGssCodes: string[];
  kind: OrganisationKind;
  councilType: string | null;
  name: string;
  shortName: string;
  region: string | null;
  parentCode: string | null;
  startDate: string | null;
  endDate: string | null;
  population: number | null;
  replacedByCode: string | null;
  /** Every successor, for a council split between several (Northamptonshire, Cumbria). */
  replacedByCodes: string[];
};

export const COUNCIL_TYPES = ["NMD", "UA", "MD", "LBO", "CTY", "CC"] as const;
const OTHER_LOCAL_BODY_TYPES = ["COMB", "SRA"] as const;

export function referencePath(...parts: string[]): string {
  return path.join(process.cwd(), "db/reference", ...parts);
}

function readText(file: string): string {
  return readFileSync(referencePath(file), "utf8");
}

type CsvRow = Record<string, string>;

function readDelimited(file: string, delimiter: "," | "\t"): CsvRow[] {
  return parse(readText(file), {
    columns: true,
    delimiter,
    skip_empty_lines: true,
    trim: true,
    // The openregister TSVs carry no quoting; a stray quote must not swallow lines.
    quote: delimiter === "\t" ? false : '"',
  }) as CsvRow[];
}

function blankToNull(value: string | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Known errors in the mySociety file, checked against the ONS boundaries: Forest Heath lay in
 * Suffolk, not Surrey; Derbyshire and Lincolnshire county councils are in the East Midlands
 * region, as all their districts are.
 */
const COUNCIL_CORRECTIONS: Record<string, { countyLa?: string; region?: string }> = {
  FOR: { countyLa: "SFK" },
  DBY: { region: "East Midlands" },
  LIN: { region: "East Midlands" },
};

/**
 * English councils (kind council) plus combined authorities and the GLA (kind other), from
 * uk_local_authorities.csv.
 */
export function loadCouncils(): ReferenceOrganisation[] {
  const rows = readDelimited("uk_local_authorities.csv", ",").filter(
    (r) =>
      r["nation"] === "England" &&
      [...COUNCIL_TYPES, ...OTHER_LOCAL_BODY_TYPES].includes(
        r["local-authority-type"] as (typeof COUNCIL_TYPES)[number],
      ),
  );
  const byLaCode = new Map(rows.map((r) => [r["local-authority-code"]!, r]));
  const gssOf = (laCode: string | null): string | null =>
    laCode ? (blankToNull(byLaCode.get(laCode)?.["gss-code"]) ?? null) : null;

  const corrected = rows.map((r) => {
    const fix = COUNCIL_CORRECTIONS[r["local-authority-code"]!];
    return {
      ...r,
      "county-la": fix?.countyLa ?? r["county-la"] ?? "",
      region: fix?.region ?? r["region"] ?? "",
    } as CsvRow;
  });
  const correctedByLa = new Map(corrected.map((r) => [r["local-authority-code"]!, r]));

  // Former councils have no region in the source: take it from the county they lay in, or from
  // the council that replaced them.
  const regionOf = (r: CsvRow, seen = new Set<string>()): string | null => {
    const own = blankToNull(r["region"]);
    if (own) return own;
    const code = r["local-authority-code"]!;
    if (seen.has(code)) return null;
    seen.add(code);
    const county = correctedByLa.get(r["county-la"] ?? "");
    if (county) {
      const fromCounty = regionOf(county, seen);
      if (fromCounty) return fromCounty;
    }
    const successor = correctedByLa.get((r["replaced-by"] ?? "").split(",")[0]!.trim());
    return successor ? regionOf(successor, seen) : null;
  };

  return corrected.map((r): ReferenceOrganisation => {
    const type = r["local-authority-type"]!;
    const gss = r["gss-code"]!;
    const startDate = blankToNull(r["start-date"]);
    let endDate = blankToNull(r["end-date"]);
    const replacedByLa = blankToNull((r["replaced-by"] ?? "").split(",")[0]);
    const replacement = replacedByLa ? byLaCode.get(replacedByLa) : undefined;
    // End dates are the last day a body existed. The source sometimes gives the successor's
    // first day instead, which would count both councils on that date.
    if (endDate && replacement && blankToNull(replacement["start-date"]) === endDate) {
      endDate = addDays(endDate, -1);
    }
    const population = blankToNull(r["pop-2020"]);
    const isCouncil = (COUNCIL_TYPES as readonly string[]).includes(type);
    return {
      code: gss,
      gssCode: gss,
      formerGssCodes: (r["former-gss-codes"] ?? "")
        .split(",")
        .map((c) => c.trim())
        .filter(Boolean),
      kind: isCouncil ? "council" : "other",
      councilType: type,
      name: r["official-name"]!.trim(),
      shortName: r["nice-name"]!.trim(),
      region: regionOf(r),
      parentCode: gssOf(blankToNull(r["county-la"])),
      startDate,
      endDate,
      population: population ? Math.round(Number(population)) : null,
      replacedByCode: gssOf(replacedByLa),
      replacedByCodes: (r["replaced-by"] ?? "")
        .split(",")
        .map((c) => gssOf(blankToNull(c)))
        .filter((c): c is string => c !== null),
    };
  });
}

/* Areas served by fire services, police forces and ICBs ------------------------------------ */

function gssRange(prefix: string, from: number, to: number): string[] {
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(`${prefix}${String(n).padStart(6, "0")}`);
  return out;
}

const C = (n: number) => `E10${String(n).padStart(6, "0")}`; // county council
const U = (n: number) => `E06${String(n).padStart(6, "0")}`; // unitary authority
const LONDON_BOROUGHS = gssRange("E09", 2, 33);
const GREATER_MANCHESTER = gssRange("E08", 1, 10);
const MERSEYSIDE = gssRange("E08", 11, 15);
const SOUTH_YORKSHIRE = gssRange("E08", 16, 19);
const TYNE_AND_WEAR = [...gssRange("E08", 21, 24), "E08000037"];
const WEST_MIDLANDS = gssRange("E08", 25, 31);
const WEST_YORKSHIRE = gssRange("E08", 32, 36);
const BERKSHIRE = gssRange("E06", 36, 41);

/**
 * The upper-tier councils (counties, unitaries, metropolitan and London boroughs, as of 2018)
 * whose area each fire and rescue service covers. Districts follow their county.
 */
export const FIRE_SERVICE_AREAS: Record<string, string[]> = {
  "fire:001": [U(22), U(23), U(24), U(25)],
  "fire:002": [U(55), U(56), U(32)],
  "fire:003": [C(2), U(42)],
  "fire:004": [C(3), U(31)],
  "fire:005": [U(49), U(50), U(6), U(7)],
  "fire:006": [U(1), U(2), U(3), U(4)],
  "fire:007": [U(52)],
  "fire:008": [U(47), U(5)],
  "fire:009": [C(6)],
  "fire:010": [C(7), U(15)],
  "fire:011": [C(8), C(27), U(26), U(27)],
  "fire:012": [C(9), U(28), U(29), U(54), U(30)],
  "fire:013": [C(11), U(43)],
  "fire:014": [C(12), U(33), U(34)],
  "fire:015": [C(13)],
  "fire:016": GREATER_MANCHESTER,
  "fire:017": [C(14), U(44), U(45)],
  "fire:018": [C(34), U(19)],
  "fire:019": [C(15)],
  "fire:020": [U(10), U(11), U(12), U(13)],
  "fire:021": [U(46)],
  "fire:022": [U(53)],
  "fire:023": [C(16), U(35)],
  "fire:024": [C(17), U(8), U(9)],
  "fire:025": [C(18), U(16), U(17)],
  "fire:026": [C(19)],
  "fire:027": ["E09000001", ...LONDON_BOROUGHS],
  "fire:028": MERSEYSIDE,
  "fire:029": [C(20)],
  "fire:030": [C(23), U(14)],
  "fire:031": [C(21)],
  "fire:032": [U(57)],
  "fire:033": [C(24), U(18)],
  "fire:034": [C(25)],
  "fire:035": BERKSHIRE,
  "fire:036": [U(51), U(20)],
  "fire:037": SOUTH_YORKSHIRE,
  "fire:038": [C(28), U(21)],
  "fire:039": [C(29)],
  "fire:040": [C(30)],
  "fire:041": TYNE_AND_WEAR,
  "fire:042": [C(31)],
  "fire:043": WEST_MIDLANDS,
  "fire:044": [C(32)],
  "fire:045": WEST_YORKSHIRE,
};

/** Upper-tier councils (2018) in each English police force area. Welsh forces serve none. */
export const POLICE_FORCE_AREAS: Record<string, string[]> = {
  "police:avon-and-somerset": [U(22), U(23), U(24), U(25), C(27)],
  "police:bedfordshire": [U(55), U(56), U(32)],
  "police:cambridgeshire": [C(3), U(31)],
  "police:cheshire": [U(49), U(50), U(6), U(7)],
  "police:city-of-london": ["E09000001"],
  "police:cleveland": [U(1), U(2), U(3), U(4)],
  "police:cumbria": [C(6)],
  "police:derbyshire": [C(7), U(15)],
  "police:devon-and-cornwall": [C(8), U(26), U(27), U(52), U(53)],
  "police:dorset": [C(9), U(28), U(29)],
  "police:durham": [U(47), U(5)],
  "police:essex": [C(12), U(33), U(34)],
  "police:gloucestershire": [C(13)],
  "police:greater-manchester": GREATER_MANCHESTER,
  "police:hampshire": [C(14), U(44), U(45), U(46)],
  "police:hertfordshire": [C(15)],
  "police:humberside": [U(10), U(11), U(12), U(13)],
  "police:kent": [C(16), U(35)],
  "police:lancashire": [C(17), U(8), U(9)],
  "police:leicestershire": [C(18), U(16), U(17)],
  "police:lincolnshire": [C(19)],
  "police:merseyside": MERSEYSIDE,
  "police:metropolitan": LONDON_BOROUGHS,
  "police:norfolk": [C(20)],
  "police:north-yorkshire": [C(23), U(14)],
  "police:northamptonshire": [C(21)],
  "police:northumbria": [U(57), ...TYNE_AND_WEAR],
  "police:nottinghamshire": [C(24), U(18)],
  "police:south-yorkshire": SOUTH_YORKSHIRE,
  "police:staffordshire": [C(28), U(21)],
  "police:suffolk": [C(29)],
  "police:surrey": [C(30)],
  "police:sussex": [C(11), C(32), U(43)],
  "police:thames-valley": [C(2), U(42), C(25), ...BERKSHIRE],
  "police:warwickshire": [C(31)],
  "police:west-mercia": [C(34), U(19), U(51), U(20)],
  "police:west-midlands": WEST_MIDLANDS,
  "police:west-yorkshire": WEST_YORKSHIRE,
  "police:wiltshire": [U(54), U(30)],
};

/**
 * Upper-tier councils (2018) mainly within each ICB (2022). ICB boundaries follow 2022 local
 * authorities and a few split a county; each council is listed once, under its main ICB.
 */
export const ICB_AREAS: Record<string, string[]> = {
  E54000036: [U(52), U(53)],
  E54000037: [C(8), U(26), U(27)],
  E54000041: [C(9), U(28), U(29)],
  E54000042: [C(14), U(44), U(45), U(46)],
  E54000034: [U(36), U(39), U(40)],
  E54000052: [C(30)],
  E54000053: [C(11), C(32), U(43)],
  E54000032: [C(16), U(35)],
  E54000038: [C(27)],
  E54000039: [U(23), U(24), U(25)],
  E54000040: [U(22), U(30), U(54)],
  E54000044: [C(2), C(25), U(37), U(38), U(41)],
  E54000031: ["E09000008", "E09000021", "E09000024", "E09000027", "E09000029", "E09000032"],
  E54000030: ["E09000004", "E09000006", "E09000011", "E09000022", "E09000023", "E09000028"],
  E54000027: [
    "E09000005",
    "E09000009",
    "E09000013",
    "E09000015",
    "E09000017",
    "E09000018",
    "E09000020",
    "E09000033",
  ],
  E54000028: ["E09000003", "E09000007", "E09000010", "E09000014", "E09000019"],
  E54000029: [
    "E09000001",
    "E09000002",
    "E09000012",
    "E09000016",
    "E09000025",
    "E09000026",
    "E09000030",
    "E09000031",
  ],
  E54000043: [C(13)],
  E54000018: ["E08000026", C(31)],
  E54000024: [U(55), U(56), U(32), U(42)],
  E54000019: [U(19), C(34)],
  E54000017: ["E08000025", "E08000029"],
  E54000020: [C(21)],
  E54000025: [C(15)],
  E54000021: [C(3), U(31)],
  E54000026: [C(12), U(33), U(34)],
  E54000023: [C(29)],
  E54000011: [U(51), U(20)],
  E54000016: ["E08000027", "E08000028", "E08000030", "E08000031"],
  E54000015: [C(18), U(16), U(17)],
  E54000012: [C(7), U(15)],
  E54000014: [C(24), U(18)],
  E54000022: [C(20)],
  E54000008: [U(49), U(50), U(6), U(7), ...MERSEYSIDE],
  E54000010: [C(28), U(21)],
  E54000009: SOUTH_YORKSHIRE,
  E54000013: [C(19)],
  E54000007: GREATER_MANCHESTER,
  E54000054: WEST_YORKSHIRE,
  E54000051: [U(10), U(11), U(12), U(13), U(14), C(23)],
  E54000048: [C(17), U(8), U(9)],
  E54000050: [C(6), U(47), U(5), U(1), U(2), U(3), U(4), U(57), ...TYNE_AND_WEAR],
};

function invert(areas: Record<string, string[]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [body, councils] of Object.entries(areas)) {
    for (const council of councils) if (!out.has(council)) out.set(council, body);
  }
  return out;
}

const fireByCouncil = invert(FIRE_SERVICE_AREAS);
const policeByCouncil = invert(POLICE_FORCE_AREAS);
const icbByCouncil = invert(ICB_AREAS);

/**
 * The fire service, police force and ICB serving a council, found through its upper-tier
 * council: a district's county, or the council itself.
 */
export function servingBodies(council: { code: string; parentCode: string | null }): {
  fire: string | null;
  police: string | null;
  health: string | null;
} {
  const upper = council.parentCode ?? council.code;
  return {
    fire: fireByCouncil.get(upper) ?? null,
    police: policeByCouncil.get(upper) ?? null,
    health: icbByCouncil.get(upper) ?? null,
  };
}

/** The one region shared by all the councils in a body's area, if there is one. */
function regionOfArea(councilCodes: string[] | undefined, regions: Map<string, string | null>) {
  if (!councilCodes) return null;
  const found = new Set(councilCodes.map((c) => regions.get(c) ?? null));
  if (found.size !== 1) return null;
  return [...found][0] ?? null;
}

/* Fire, police, NHS ----------------------------------------------------------------------- */

/**
 * Lifetimes the openregister file leaves blank: Dorset and Wiltshire Fire and Rescue Service was
 * formed on 1 April 2016 from the Dorset and the Wiltshire services (which the file, a 2018
 * register, does not list), so nothing before then can name it.
 */
const FIRE_SERVICE_CORRECTIONS: Record<string, { startDate: string }> = {
  "fire:012": { startDate: "2016-04-01" },
};

export function loadFireServices(
  councilRegions: Map<string, string | null> = new Map(),
): ReferenceOrganisation[] {
  return readDelimited("fire_services_england.tsv", "\t").map((r) => {
    const code = `fire:${r["fire-service-eng"]}`;
    const name = r["name"]!;
    return {
      code,
      gssCode: null,
      formerGssCodes: [],
      kind: "fire",
      councilType: null,
      name,
      shortName: name.replace(/ Service$/, ""),
      region: regionOfArea(FIRE_SERVICE_AREAS[code], councilRegions),
      parentCode: null,
      startDate: blankToNull(r["start-date"]),
      endDate: blankToNull(r["end-date"]),
      population: null,
      replacedByCode: null,
      replacedByCodes: [],
      ...FIRE_SERVICE_CORRECTIONS[code],
    };
  });
}

const WELSH_POLICE_FORCES = new Set(["dyfed-powys", "gwent", "north-wales", "south-wales"]);

export function loadPoliceForces(
  councilRegions: Map<string, string | null> = new Map(),
): ReferenceOrganisation[] {
  return readDelimited("police_forces.tsv", "\t")
    .filter((r) => r["police-force"] !== "northern-ireland")
    .map((r) => {
      const slug = r["police-force"]!;
      const code = `police:${slug}`;
      const name = r["name"]!;
      return {
        code,
        gssCode: null,
        formerGssCodes: [],
        kind: "police",
        councilType: null,
        name,
        shortName: name.replace(/ Service$/, ""),
        region: WELSH_POLICE_FORCES.has(slug)
          ? "Wales"
          : regionOfArea(POLICE_FORCE_AREAS[code], councilRegions),
        parentCode: null,
        startDate: null,
        endDate: null,
        population: null,
        replacedByCode: null,
        replacedByCodes: [],
      };
    });
}

/** Short names as the NHS writes them, where the hex map's label differs. */
const ICB_SHORT_NAME_FIXES: Record<string, string> = {
  "NHS Staffordshire and Stoke on Trent": "NHS Staffordshire and Stoke-on-Trent",
  "NHS Shropshire and Telford and Wrekin": "NHS Shropshire, Telford and Wrekin",
};

type IcbHex = { ICS22NM: string; STP21CD: string; NHSER21NM: string };

export function loadIcbs(): ReferenceOrganisation[] {
  const hex = JSON.parse(readText("nhs_icb_2022.hexjson")) as { hexes: Record<string, IcbHex> };
  return Object.values(hex.hexes)
    .map((h): ReferenceOrganisation => {
      const label = h.ICS22NM.trim().replace(/\s+/g, " ");
      const shortName = ICB_SHORT_NAME_FIXES[label] ?? label;
      return {
        code: h.STP21CD,
        gssCode: h.STP21CD,
        formerGssCodes: [],
        kind: "health",
        councilType: null,
        name: /Integrated Care Board$/.test(shortName)
          ? shortName
          : `${shortName} Integrated Care Board`,
        shortName,
        region: h.NHSER21NM,
        parentCode: null,
        startDate: "2022-07-01",
        endDate: null,
        population: null,
        replacedByCode: null,
        replacedByCodes: [],
      };
    })
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Every organisation the seed maintains, councils first. */
export function loadOrganisations(): ReferenceOrganisation[] {
  const councils = loadCouncils();
  const regions = new Map(councils.map((c) => [c.code, c.region]));
  return [...councils, ...loadFireServices(regions), ...loadPoliceForces(regions), ...loadIcbs()];
}

/** True when the organisation existed on the given day (ISO date), both ends inclusive. */
export function existedOn(
  org: { startDate: string | null; endDate: string | null },
  isoDate: string,
): boolean {
  return (
    (org.startDate === null || org.startDate <= isoDate) &&
    (org.endDate === null || org.endDate >= isoDate)
  );
}

/* Neighbours -------------------------------------------------------------------------------- */

type AreaProperties = { areacd: string; areanm: string; start?: number; end?: number };
type AreaGeometry = GeometryObject<AreaProperties>;
type BoundaryTopology = Topology<{
  ltla: { type: "GeometryCollection"; geometries: AreaGeometry[] };
  utla: { type: "GeometryCollection"; geometries: AreaGeometry[] };
}>;

/**
 * Island councils touch no other council; their links follow the ferry routes and the county
 * they belong to.
 */
const SEA_LINKS: Record<string, string[]> = {
  E06000046: ["E06000044", "E06000045", "E10000014"], // Isle of Wight: Portsmouth, Southampton, Hampshire
  E06000053: ["E06000052"], // Isles of Scilly: Cornwall
};

/**
 * Which councils' boundaries touch, from the ONS boundaries valid in the given year: lower
 * tier areas (districts, unitaries, boroughs) from the ltla layer and counties from the utla
 * layer; a district also touches the counties its neighbouring districts belong to.
 * Keys and values are organisation codes of councils existing in that year.
 */
export function loadCouncilAdjacency(
  organisations: readonly Pick<
    ReferenceOrganisation,
    "code" | "kind" | "gssCode" | "formerGssCodes" | "parentCode" | "startDate" | "endDate"
  >[],
  year = 2018,
): Map<string, Set<string>> {
  const topology = JSON.parse(readText("uk_boundaries_2014_2025.topo.json")) as BoundaryTopology;
  const asOf = `${year}-04-01`;
  const councils = organisations.filter((o) => o.kind === "council" && existedOn(o, asOf));
  const byGss = new Map<string, (typeof councils)[number]>();
  for (const c of councils) {
    for (const former of c.formerGssCodes) byGss.set(former, c);
  }
  for (const c of councils) if (c.gssCode) byGss.set(c.gssCode, c);

  const adjacency = new Map<string, Set<string>>(councils.map((c) => [c.code, new Set()]));
  const link = (a: string, b: string) => {
    if (a === b) return;
    adjacency.get(a)?.add(b);
    adjacency.get(b)?.add(a);
  };

  for (const layer of ["ltla", "utla"] as const) {
    const geometries = topology.objects[layer].geometries.filter((g) => {
      const p = g.properties as AreaProperties;
      return p.areacd.startsWith("E") && (p.start ?? 0) <= year && (p.end ?? Infinity) >= year;
    });
    const touching = neighbors(geometries);
    geometries.forEach((g, i) => {
      const a = byGss.get((g.properties as AreaProperties).areacd);
      if (!a) return;
      for (const j of touching[i] ?? []) {
        const b = byGss.get((geometries[j]!.properties as AreaProperties).areacd);
        if (b) link(a.code, b.code);
      }
    });
  }

  const parentOf = new Map(councils.map((c) => [c.code, c.parentCode]));
  for (const c of councils) {
    if (!c.parentCode) continue;
    for (const n of [...(adjacency.get(c.code) ?? [])]) {
      const otherCounty = parentOf.get(n);
      if (otherCounty && otherCounty !== c.parentCode) link(c.code, otherCounty);
    }
  }
  for (const [island, links] of Object.entries(SEA_LINKS)) {
    for (const other of links)
      if (adjacency.has(island) && adjacency.has(other)) link(island, other);
  }
  return adjacency;
}
