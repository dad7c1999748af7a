import { benefitLabel, serviceCategoryBySlug } from "@/lib/categories";
import { formatLongDate } from "@/lib/format/dates";

/*
 * What changed between two revisions of an arrangement, field by field: the review page shows
 * it beside the submission, and the public change history (lib/public/history.ts) says what
 * each publication changed. Pure module: it compares two snapshots and does no I/O.
 *
 * Money stays in integer pence (bigint) throughout; callers format it with formatPence.
 */

export type SavingsKind = "actual" | "forecast";

/** One revision's content as people read it (names, not ids), from lib/review/content.ts. */
export type RevisionSnapshot = {
  title: string;
  description: string;
  /** Category slugs; the diff shows their names. */
  mainCategory: string;
  furtherCategories: string[];
  stage: string;
  startDate: string | null;
  endDate: string | null;
  /** Benefit slugs; the diff shows their labels. */
  benefits: string[];
  contactName: string | null;
  contactEmail: string | null;
  noSavingsReason: string | null;
  /** Partner organisations besides the lead. */
  partners: { code: string; name: string }[];
  savings: { financialYear: number; amountPence: bigint; kind: SavingsKind }[];
};

export type FieldName =
  | "title"
  | "description"
  | "mainCategory"
  | "furtherCategories"
  | "stage"
  | "startDate"
  | "endDate"
  | "benefits"
  | "noSavingsReason"
  | "contactName"
  | "contactEmail";

export type FieldRow = {
  field: FieldName;
  label: string;
  /** The value as text; null when the field is empty (or there is no earlier revision). */
  before: string | null;
  after: string | null;
  changed: boolean;
};

export type SavingsRowStatus = "added" | "removed" | "changed" | "unchanged";

export type SavingsRow = {
  financialYear: number;
  status: SavingsRowStatus;
  before: { amountPence: bigint; kind: SavingsKind } | null;
  after: { amountPence: bigint; kind: SavingsKind } | null;
  /** after − before, in pence (a removed row counts as its whole amount taken away). */
  changePence: bigint;
};

export type RevisionDiff = {
  /** True when there is no earlier revision: everything is new. */
  isNew: boolean;
  fields: FieldRow[];
  partners: {
    added: { code: string; name: string }[];
    removed: { code: string; name: string }[];
    kept: { code: string; name: string }[];
  };
  savings: {
    rows: SavingsRow[];
    beforeTotalPence: bigint;
    afterTotalPence: bigint;
    netChangePence: bigint;
  };
  /** Anything at all differs. */
  hasChanges: boolean;
};

export const STAGE_LABELS: Record<string, string> = {
  planned: "Planned",
  operational: "Operational",
  ended: "Ended",
};

export const FIELD_LABELS: Record<FieldName, string> = {
  title: "Title",
  description: "Description",
  mainCategory: "Main service category",
  furtherCategories: "Further categories",
  stage: "Stage",
  startDate: "Start date",
  endDate: "End date",
  benefits: "Non-financial benefits",
  noSavingsReason: "Reason for no savings figure",
  contactName: "Public contact name",
  contactEmail: "Public contact email",
};

const FIELD_ORDER = Object.keys(FIELD_LABELS) as FieldName[];

function categoryName(slug: string): string {
  return serviceCategoryBySlug(slug)?.name ?? slug;
}

function list(items: string[]): string | null {
  return items.length ? items.join(", ") : null;
}

function date(iso: string | null): string | null {
  if (!iso) return null;
  try {
    return formatLongDate(iso);
  } catch {
    return iso;
  }
}

/** A field's value as the page shows it. Lists are compared in a fixed order. */
export function fieldText(snapshot: RevisionSnapshot, field: FieldName): string | null {
  switch (field) {
    case "mainCategory":
      return categoryName(snapshot.mainCategory);
    case "furtherCategories":
      return list([...snapshot.furtherCategories].sort().map(categoryName));
    case "stage":
      return STAGE_LABELS[snapshot.stage] ?? snapshot.stage;
    case "startDate":
    case "endDate":
      return date(snapshot[field]);
    case "benefits":
      return list([...snapshot.benefits].sort().map((slug) => benefitLabel(slug) ?? slug));
    default: {
      const value = snapshot[field];
      return value === null || value === "" ? null : value;
    }
  }
}

function diffPartners(before: RevisionSnapshot | null, after: RevisionSnapshot) {
  const was = new Map((before?.partners ?? []).map((p) => [p.code, p]));
  const now = new Map(after.partners.map((p) => [p.code, p]));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    added: after.partners.filter((p) => !was.has(p.code)).sort(byName),
    removed: [...was.values()].filter((p) => !now.has(p.code)).sort(byName),
    kept: after.partners.filter((p) => was.has(p.code)).sort(byName),
  };
}

function diffSavings(before: RevisionSnapshot | null, after: RevisionSnapshot) {
  const was = new Map((before?.savings ?? []).map((s) => [s.financialYear, s]));
  const now = new Map(after.savings.map((s) => [s.financialYear, s]));
  const years = [...new Set([...was.keys(), ...now.keys()])].sort((a, b) => a - b);
  const rows: SavingsRow[] = years.map((financialYear) => {
    const b = was.get(financialYear);
    const a = now.get(financialYear);
    const beforeValue = b ? { amountPence: b.amountPence, kind: b.kind } : null;
    const afterValue = a ? { amountPence: a.amountPence, kind: a.kind } : null;
    const status: SavingsRowStatus = !b
      ? "added"
      : !a
        ? "removed"
        : b.amountPence !== a.amountPence || b.kind !== a.kind
          ? "changed"
          : "unchanged";
    return {
      financialYear,
      status,
      before: beforeValue,
      after: afterValue,
      changePence: (a?.amountPence ?? 0n) - (b?.amountPence ?? 0n),
    };
  });
  const sum = (items: { amountPence: bigint }[]) => items.reduce((t, s) => t + s.amountPence, 0n);
  const beforeTotalPence = sum(before?.savings ?? []);
  const afterTotalPence = sum(after.savings);
  return {
    rows,
    beforeTotalPence,
    afterTotalPence,
    netChangePence: afterTotalPence - beforeTotalPence,
  };
}

/**
 * Compares a revision with the one before it (null when there is none: a new arrangement).
 * Partners are matched by organisation code and savings rows by financial year.
 */
export function diffRevisions(
  before: RevisionSnapshot | null,
  after: RevisionSnapshot,
): RevisionDiff {
  const fields = FIELD_ORDER.map((field): FieldRow => {
    const was = before ? fieldText(before, field) : null;
    const now = fieldText(after, field);
    return {
      field,
      label: FIELD_LABELS[field],
      before: was,
      after: now,
      changed: before === null ? now !== null : was !== now,
    };
  });
  const partners = diffPartners(before, after);
  const savings = diffSavings(before, after);
  const hasChanges =
    fields.some((f) => f.changed) ||
    partners.added.length > 0 ||
    partners.removed.length > 0 ||
    savings.rows.some((r) => r.status !== "unchanged");
  return { isNew: before === null, fields, partners, savings, hasChanges };
}

/** A one-line account of what changed, for mail and the public history ("Title, savings"). */
export function changeSummary(diff: RevisionDiff): string[] {
  if (diff.isNew) return ["First published"];
  const parts = diff.fields.filter((f) => f.changed).map((f) => f.label);
  if (diff.partners.added.length || diff.partners.removed.length) parts.push("Partners");
  if (diff.savings.rows.some((r) => r.status !== "unchanged")) parts.push("Savings");
  return parts;
}
