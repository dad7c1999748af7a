/*
 * From a boundary's GSS code to the organisation the register knows. Pure module: the caller
 * passes the councils (from the database, or from the reference files in tests).
 */

/** What the geography needs to know about a council. */
export type GeoCouncil = {
  /** The organisation's code (its GSS code): the council page is /councils/<code>. */
  code: string;
  gssCode: string | null;
  formerGssCodes: readonly string[];
  name: string;
  /** The county council a district lies in. */
  parentCode: string | null;
  /** The councils that replaced this one, when it was abolished (the largest share first). */
  replacedByCodes: readonly string[];
};

/**
 * Codes the boundaries use that the council register does not: in 2025 the ONS recoded
 * Barnsley and Sheffield after a small boundary change between them, but the councils (and
 * mySociety's register) kept their codes.
 */
export const BOUNDARY_CODE_ALIASES: Readonly<Record<string, string>> = {
  E08000038: "E08000016", // Barnsley
  E08000039: "E08000019", // Sheffield
};

export type CouncilLookup<C extends GeoCouncil = GeoCouncil> = {
  /** The council a boundary code stands for: by GSS code, former GSS code, or alias. */
  resolve(areaCode: string): C | undefined;
  byCode(code: string): C | undefined;
  /** Every boundary code that may stand for the council (its own, former ones, aliases). */
  areaCodesOf(council: GeoCouncil): string[];
  all: readonly C[];
};

export function councilLookup<C extends GeoCouncil>(councils: readonly C[]): CouncilLookup<C> {
  const byCode = new Map(councils.map((c) => [c.code, c]));
  const byArea = new Map<string, C>();
  // Current codes win over former ones: a code reused later belongs to the later council.
  for (const c of councils) for (const former of c.formerGssCodes) byArea.set(former, c);
  for (const c of councils) if (c.gssCode) byArea.set(c.gssCode, c);
  for (const [alias, code] of Object.entries(BOUNDARY_CODE_ALIASES)) {
    const c = byCode.get(code);
    if (c && !byArea.has(alias)) byArea.set(alias, c);
  }
  const aliasesOf = new Map<string, string[]>();
  for (const [alias, code] of Object.entries(BOUNDARY_CODE_ALIASES)) {
    aliasesOf.set(code, [...(aliasesOf.get(code) ?? []), alias]);
  }
  return {
    resolve: (areaCode) => byArea.get(areaCode),
    byCode: (code) => byCode.get(code),
    areaCodesOf: (c) => [
      ...(c.gssCode ? [c.gssCode] : []),
      ...(aliasesOf.get(c.code) ?? []),
      ...c.formerGssCodes,
    ],
    all: councils,
  };
}

/**
 * The council that finally replaced this one, or itself: the line a map cell passes down,
 * following the first (largest) successor of a split.
 */
export function successorOf<C extends GeoCouncil>(lookup: CouncilLookup<C>, council: C): C {
  let current = council;
  const seen = new Set<string>();
  while (current.replacedByCodes[0] && !seen.has(current.code)) {
    seen.add(current.code);
    const next = lookup.byCode(current.replacedByCodes[0]);
    if (!next) break;
    current = next;
  }
  return current;
}
