/**
 * Arrangements made by hand so the register shows what the reorganisations did, by the rule:
 * councils that shared a management team and then merged (Taunton Deane and West Somerset into
 * Somerset West and Taunton in 2019, and on into Somerset Council in 2023; Suffolk Coastal and
 * Waveney into East Suffolk; Forest Heath and St Edmundsbury into West Suffolk; three Dorset
 * districts into Dorset Council; Chiltern and South Bucks into Buckinghamshire; Daventry and
 * South Northamptonshire into West Northamptonshire; Hambleton and Richmondshire into North
 * Yorkshire; Allerdale and Copeland into Cumberland) become internal, while Christchurch and
 * East Dorset, which went to two different councils, stay shared. Illustrative like the rest.
 */
import { CATEGORY_WEIGHTS, type Slug } from "./categories";
import type { Group } from "./groups";

export type DeliberateCase = {
  councils: string[];
  category: Slug;
  title: string;
  /** First approved in this period; a case without one joins the register in 2012. */
  approvedBetween?: [string, string];
};

// One case a line: "councils (ONS codes) | category | title [| first approved from..to]".
const CASES = [
  "E07000190 E07000191 | management-teams | Shared management team: Taunton Deane and West Somerset",
  "E07000205 E07000206 | management-teams | East Suffolk partnership: Suffolk Coastal and Waveney shared management team",
  "E07000201 E07000204 | management-teams | Shared management team: Forest Heath and St Edmundsbury",
  "E07000052 E07000050 E07000053 | management-teams | Dorset Councils Partnership: West Dorset, North Dorset and Weymouth and Portland",
  "E07000048 E07000049 | management-teams | Shared management team: Christchurch and East Dorset",
  "E07000005 E07000006 | management-teams | Shared management team: Chiltern and South Bucks",
  "E07000151 E07000155 | legal | Shared legal service: Daventry and South Northamptonshire",
  "E07000164 E07000166 | management-teams | Shared chief executive: Hambleton and Richmondshire",
  "E07000026 E07000029 | ict | Shared ICT service: Allerdale and Copeland",
  "E07000246 E07000188 | revenues-and-benefits | Shared revenues and benefits service: Somerset West and Taunton and Sedgemoor | 2020-05-01..2020-11-30",
];

function parseCase(line: string): DeliberateCase {
  const [councils, category, title, approved] = line.split(" | ");
  const between = approved?.split("..");
  if (!(category! in CATEGORY_WEIGHTS)) throw new Error(`Unknown category in "${line}"`);
  return {
    councils: councils!.split(" "),
    category: category as Slug,
    title: title!,
    ...(between ? { approvedBetween: [between[0]!, between[1]!] as [string, string] } : {}),
  };
}

export const DELIBERATE_CASES: DeliberateCase[] = CASES.map(parseCase);

export function deliberateGroup(c: DeliberateCase): Group {
  return {
    shape: "DD",
    councils: [...c.councils],
    lead: c.councils[0]!,
    bodies: [],
    category: c.category,
    further: [],
    backbone: true,
  };
}
