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
import type { Slug } from "./categories";
import type { Group } from "./groups";

export type DeliberateCase = {
  councils: string[];
  category: Slug;
  title: string;
  /** First approved in this period; a case without one joins the register in 2012. */
  approvedBetween?: [string, string];
};

export const DELIBERATE_CASES: DeliberateCase[] = [
  {
    councils: ["E07000190", "E07000191"],
    category: "management-teams",
    title: "Shared management team: Taunton Deane and West Somerset",
  },
  {
    councils: ["E07000205", "E07000206"],
    category: "management-teams",
    title: "East Suffolk partnership: Suffolk Coastal and Waveney shared management team",
  },
  {
    councils: ["E07000201", "E07000204"],
    category: "management-teams",
    title: "Shared management team: Forest Heath and St Edmundsbury",
  },
  {
    councils: ["E07000052", "E07000050", "E07000053"],
    category: "management-teams",
    title: "Dorset Councils Partnership: West Dorset, North Dorset and Weymouth and Portland",
  },
  {
    councils: ["E07000048", "E07000049"],
    category: "management-teams",
    title: "Shared management team: Christchurch and East Dorset",
  },
  {
    councils: ["E07000005", "E07000006"],
    category: "management-teams",
    title: "Shared management team: Chiltern and South Bucks",
  },
  {
    councils: ["E07000151", "E07000155"],
    category: "legal",
    title: "Shared legal service: Daventry and South Northamptonshire",
  },
  {
    councils: ["E07000164", "E07000166"],
    category: "management-teams",
    title: "Shared chief executive: Hambleton and Richmondshire",
  },
  {
    councils: ["E07000026", "E07000029"],
    category: "ict",
    title: "Shared ICT service: Allerdale and Copeland",
  },
  {
    councils: ["E07000246", "E07000188"],
    category: "revenues-and-benefits",
    title: "Shared revenues and benefits service: Somerset West and Taunton and Sedgemoor",
    approvedBetween: ["2020-05-01", "2020-11-30"],
  },
];

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
