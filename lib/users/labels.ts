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

const dateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "4 March 2025 at 14:05" in UK time. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "";
  return dateTime.format(typeof value === "string" ? new Date(value) : value);
}

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
