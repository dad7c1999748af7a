import type { Organisation, User } from "@/db/schema";

/** How roles and statuses read on the page (never colour alone: the words are always shown). */
export const ROLE_LABELS: Record<User["role"], string> = {
  council_editor: "Council editor",
  admin: "Administrator",
};

export const STATUS_LABELS: Record<User["status"], string> = {
  invited: "Invited",
  active: "Active",
  disabled: "Disabled",
};

const KIND_LABELS: Record<Organisation["kind"], string> = {
  council: "Councils",
  fire: "Fire and rescue services",
  police: "Police forces",
  health: "NHS bodies",
  other: "Other public bodies",
};

/** Organisations for a <select>, grouped by kind (councils first), each group in name order. */
export function organisationGroups(
  organisations: Pick<Organisation, "id" | "name" | "kind">[],
): { label: string; options: { value: string; label: string }[] }[] {
  return (Object.keys(KIND_LABELS) as Organisation["kind"][])
    .map((kind) => ({
      label: KIND_LABELS[kind],
      options: organisations
        .filter((o) => o.kind === kind)
        .map((o) => ({ value: String(o.id), label: o.name })),
    }))
    .filter((group) => group.options.length > 0);
}
