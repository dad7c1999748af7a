import { describe, expect, it } from "vitest";
import { boxCentre, findCouncil, pathBounds, unionBox } from "@/lib/councils/map-selection";
import { ringsToPath } from "@/lib/geo/svg-path";

const councils = [
  { code: "E07000041", name: "Exeter City Council", shortName: "Exeter" },
  { code: "E10000008", name: "Devon County Council", shortName: "Devon" },
  { code: "E07000040", name: "East Devon District Council", shortName: "East Devon" },
  { code: "E08000035", name: "Leeds City Council", shortName: "Leeds" },
  { code: "E06000023", name: "Bristol City Council", shortName: "Bristol" },
  {
    code: "E09000020",
    name: "Royal Borough of Kensington and Chelsea",
    shortName: "Kensington and Chelsea",
  },
  { code: "E07000123", name: "Preston City Council", shortName: "Preston" },
];

const found = (query: string) => {
  const result = findCouncil(councils, query);
  return result.kind === "found" ? result.council.code : null;
};

describe("finding a council on the map", () => {
  it("finds it by code, name or short name, whatever the case, punctuation or 'Council'", () => {
    expect(found("e07000041")).toBe("E07000041");
    expect(found("Exeter")).toBe("E07000041");
    expect(found("exeter city council")).toBe("E07000041");
    expect(found("  EXETER  ")).toBe("E07000041");
    expect(found("Kensington & Chelsea")).toBe("E09000020");
    expect(found("Royal Borough of Kensington and Chelsea")).toBe("E09000020");
  });

  it("takes the only name containing what was typed, and not one of several", () => {
    expect(found("kensing")).toBe("E09000020");
    // "Devon" is Devon County Council's short name exactly, though East Devon contains it too.
    expect(found("Devon")).toBe("E10000008");
    expect(found("ev")).toBeNull();
  });

  it("suggests names when nothing matches, and nothing for an empty query", () => {
    const result = findCouncil(councils, "Prestn");
    expect(result).toMatchObject({ kind: "not-found", query: "Prestn" });
    expect(result.kind === "not-found" && result.suggestions.map((c) => c.code)).toEqual([
      "E07000123",
    ]);
    const several = findCouncil(councils, "city");
    expect(several.kind).toBe("not-found");
    expect(findCouncil(councils, "   ")).toEqual({ kind: "not-found", query: "", suggestions: [] });
  });
});

describe("where a drawn shape lies", () => {
  it("bounds a path as lib/geo/svg-path.ts writes it, several rings and negative steps", () => {
    const d = ringsToPath([
      [
        [10, 20],
        [30, 20],
        [30, 50],
        [10, 50],
      ],
      [
        [100, 5],
        [120, 9],
        [90, 40],
      ],
    ]);
    expect(d).toContain("l");
    expect(pathBounds(d)).toEqual({ x: 10, y: 5, width: 110, height: 45 });
    expect(pathBounds("")).toBeNull();
  });

  it("joins boxes with padding, and finds a box's centre", () => {
    const box = unionBox(
      [
        { x: 0, y: 10, width: 10, height: 10 },
        { x: 20, y: 0, width: 5, height: 5 },
      ],
      2,
    );
    expect(box).toEqual({ x: -2, y: -2, width: 29, height: 24 });
    expect(boxCentre(box!)).toEqual([12.5, 10]);
    expect(unionBox([])).toBeNull();
  });
});
