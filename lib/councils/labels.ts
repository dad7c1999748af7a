/*
 * Words for council types and arrangement stages, as the public pages show them. Pure module.
 */

/** ONS/mySociety council types (organisations.council_type) as readers know them. */
export const COUNCIL_TYPE_LABELS: Readonly<Record<string, string>> = {
  CTY: "County council",
  NMD: "District council",
  UA: "Unitary authority",
  MD: "Metropolitan borough",
  LBO: "London borough",
  CC: "City of London Corporation",
};

export function councilTypeLabel(type: string | null | undefined): string {
  return (type && COUNCIL_TYPE_LABELS[type]) || "Council";
}

const STAGE_LABELS: Readonly<Record<string, string>> = {
  planned: "Planned",
  operational: "Operational",
  ended: "Ended",
};

export function stageLabel(stage: string): string {
  return STAGE_LABELS[stage] ?? stage;
}

const KIND_LABELS: Readonly<Record<string, string>> = {
  council: "Council",
  fire: "Fire and rescue",
  police: "Police",
  health: "Health",
  other: "Other public body",
};

export function organisationKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

/** "1 arrangement", "14 arrangements". */
export function arrangementsText(count: number): string {
  return `${count.toLocaleString("en-GB")} arrangement${count === 1 ? "" : "s"}`;
}
