import { financialYearLabel } from "@/lib/financial-year";
import { LICENCE } from "@/lib/open-data/licence";
import { partnerFinderHref } from "@/lib/partners/query";
import type { CouncilEntry } from "./directory";
import type { CouncilProfile, Measure, ProfileMember } from "./profile";
import type { SimilarGroup } from "./similar-query";

/*
 * A council's profile as GET /api/v1/councils/{code}/profile returns it: the figures of its
 * page's profile (lib/councils/profile.ts), with snake_case names and money as integer pence in
 * a decimal string, as every /api/v1 answer. The OpenAPI description is
 * lib/open-data/openapi-profile.ts. Pure module.
 */

const pence = (m: Measure<bigint>) => ({
  council: m.council.toString(),
  lower_quartile: m.lowerQuartile.toString(),
  median: m.median.toString(),
  upper_quartile: m.upperQuartile.toString(),
});

function member(m: ProfileMember) {
  return {
    code: m.code,
    name: m.name,
    population: m.population,
    arrangements: m.arrangements,
    share_pence: m.sharePence.toString(),
    share_per_resident_pence: m.perResidentPence.toString(),
  };
}

function profileJson(council: CouncilEntry, similar: SimilarGroup, profile: CouncilProfile) {
  if (similar.kind !== "group") throw new Error("A profile comes with a comparison group");
  return {
    tier: similar.tier,
    group_size: profile.group.length,
    left_out: similar.leftOut,
    group: profile.group.map((g) => ({ ...member(g), distance: g.distance })),
    arrangements: {
      council: profile.arrangements.council,
      lower_quartile: profile.arrangements.lowerQuartile,
      median: profile.arrangements.median,
      upper_quartile: profile.arrangements.upperQuartile,
    },
    share_pence: pence(profile.share),
    share_per_resident_pence: pence(profile.perResident),
    share_by_year: profile.years.map((y) => ({
      financial_year: financialYearLabel(y.financialYear),
      financial_year_start: y.financialYear,
      council_pence: y.councilPence.toString(),
      lower_quartile_pence: y.lowerQuartile.toString(),
      median_pence: y.median.toString(),
      upper_quartile_pence: y.upperQuartile.toString(),
    })),
    not_yet_shared: profile.notYetShared.map((c) => ({
      category: c.slug,
      name: c.name,
      councils_sharing: c.councils,
      partner_finder: partnerFinderHref(council.code, c.slug),
    })),
  };
}

export function profileBody(input: {
  council: CouncilEntry;
  day: string;
  similar: SimilarGroup;
  profile: CouncilProfile | null;
}) {
  const { council, similar, profile } = input;
  return {
    council: {
      code: council.code,
      name: council.name,
      council_type: council.councilType,
      region: council.region,
      population: council.population,
      end_date: council.endDate,
      replaced_by: council.replacedByCodes,
    },
    day: input.day,
    profile: profile === null ? null : profileJson(council, similar, profile),
    no_profile_reason: similar.kind === "none" ? similar.reason : null,
    licence: LICENCE.name,
    licence_url: LICENCE.url,
  };
}
