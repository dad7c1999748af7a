import type { SelectGroup } from "@/components/forms/select-field";
import type { OrganisationKind } from "@/lib/public/filters";
import type { OrganisationOption } from "@/lib/public/organisations";

const KIND_GROUPS: Record<OrganisationKind, string> = {
  council: "Councils",
  fire: "Fire and rescue services",
  police: "Police forces",
  health: "Health bodies",
  other: "Other public bodies",
};

/**
 * The organisation filter's choices by kind. A code in the address that is not among them (an
 * organisation in no published arrangement) is still offered, so the form shows what was asked.
 */
export function organisationGroups(
  options: OrganisationOption[],
  selected?: string,
): SelectGroup[] {
  const groups = (Object.keys(KIND_GROUPS) as OrganisationKind[]).map((kind) => ({
    label: KIND_GROUPS[kind],
    options: options.filter((o) => o.kind === kind).map((o) => ({ value: o.code, label: o.name })),
  }));
  if (selected && !options.some((o) => o.code === selected)) {
    groups.push({ label: "Asked for", options: [{ value: selected, label: selected }] });
  }
  return groups.filter((g) => g.options.length > 0);
}
