import { describe, expect, it } from "vitest";
import {
  filtersToParams,
  parseDashboardFilters,
  parseFilters,
  parseListQuery,
} from "@/lib/public/filters";

const q = (text: string) => new URLSearchParams(text);

describe("public filters", () => {
  it("parses every filter into typed values (money in pence)", () => {
    const result = parseFilters(
      q(
        "q=shared+legal&region=london&category=legal&organisation=e09000005&partner=fire&stage=operational&from=2012&to=2016&min=1,000&max=2500000.50",
      ),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        q: "shared legal",
        region: "london",
        category: "legal",
        organisation: "E09000005",
        partner: "fire",
        stage: "operational",
        fromYear: 2012,
        toYear: 2016,
        minPence: 100_000n,
        maxPence: 250_000_050n,
      },
    });
  });

  it("round-trips through URL parameters", () => {
    const text =
      "q=legal&region=south-west&category=legal&stage=ended&from=2010&to=2011&min=10.05&max=20";
    const parsed = parseFilters(q(text));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parseFilters(filtersToParams(parsed.value))).toEqual(parsed);
  });

  it("refuses bad input with a message per parameter, never by throwing", () => {
    const result = parseFilters(
      q("region=atlantis&category=bogus&from=12&min=-5&stage=x&partner=y&organisation=a'b"),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(
      ["category", "from", "min", "organisation", "partner", "region", "stage"].sort(),
    );
    expect(result.errors.region).toBe("Choose a region from the list");
    expect(result.errors.min).toMatch(/£0 or more/);
  });

  it("refuses contradictory ranges and over-long or repeated values", () => {
    expect(parseFilters(q("from=2016&to=2012")).ok).toBe(false);
    expect(parseFilters(q("min=100&max=10")).ok).toBe(false);
    expect(parseFilters(q(`q=${"a".repeat(201)}`)).ok).toBe(false);
    expect(parseFilters(q("region=london&region=south-east")).ok).toBe(false);
  });

  it("treats SQL metacharacters as plain search text", () => {
    expect(parseFilters(q("q=' OR 1=1 --"))).toEqual({ ok: true, value: { q: "' OR 1=1 --" } });
  });

  it("list queries: page numbers from 1, relevance only with search text", () => {
    expect(parseListQuery(q("page=0")).ok).toBe(false);
    expect(parseListQuery(q("page=-1")).ok).toBe(false);
    expect(parseListQuery(q("page=99999999")).ok).toBe(false);
    expect(parseListQuery(q("sort=relevance"))).toMatchObject({
      ok: true,
      value: { sort: "newest", page: 1 },
    });
    expect(parseListQuery(q("q=legal"))).toMatchObject({ ok: true, value: { sort: "relevance" } });
    expect(parseListQuery(q("q=legal&sort=name&page=3"))).toMatchObject({
      ok: true,
      value: { sort: "name", page: 3 },
    });
  });

  it("the dashboard takes only region and category", () => {
    expect(parseDashboardFilters(q("region=london&stage=ended"))).toEqual({
      ok: true,
      value: { region: "london" },
    });
    expect(parseDashboardFilters(q("category=nope")).ok).toBe(false);
  });
});
