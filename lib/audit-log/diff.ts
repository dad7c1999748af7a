import { financialYearLabel } from "@/lib/financial-year";
import { formatPence } from "@/lib/money";

/*
 * An audit event's before/after as people read it: "Title: Old → New", one line per value that
 * differs. Events store whatever JSON their command wrote, so this works on any shape: nested
 * objects become paths ("Content › Title"), lists of plain values one comma-separated value,
 * lists of records (savings rows) one line per record. Amounts in pence (keys ending "Pence")
 * are shown in pounds. Pure module.
 */

export type AuditChange = {
  /** "Content › Savings". */
  label: string;
  before: string | null;
  after: string | null;
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** "publishedRevisionId" → "Published revision id". */
export function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isRecord(value: unknown): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function leaf(key: string, value: Json): string | null {
  if (value === null || value === "") return null;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (/pence$/i.test(key) && (typeof value === "number" || /^-?\d+$/.test(String(value)))) {
    return formatPence(BigInt(value as string | number));
  }
  if (/^financialyear$/i.test(key) && typeof value === "number" && value >= 1000 && value <= 9998) {
    return financialYearLabel(value);
  }
  return String(value);
}

/** One record of a list, on one line: "2018/19: £1,000,000, actual". */
function recordLine(record: Record<string, Json>): string {
  const entries = Object.entries(record);
  const year = entries.find(([k]) => /^financialyear$/i.test(k));
  // Amounts first (JSONB stores keys shortest first, which would put "kind" before the money).
  const rest = entries
    .filter(([k]) => k !== year?.[0])
    .sort(([a], [b]) => Number(/pence$/i.test(b)) - Number(/pence$/i.test(a)))
    .map(([k, v]) => {
      const text = isRecord(v) || Array.isArray(v) ? JSON.stringify(v) : leaf(k, v);
      return year ? (text ?? "") : `${humanise(k)}: ${text ?? "none"}`;
    })
    .filter(Boolean);
  return year ? `${leaf(year[0], year[1])}: ${rest.join(", ")}` : rest.join(", ");
}

function list(key: string, items: Json[]): string | null {
  if (items.length === 0) return null;
  if (items.every(isRecord))
    return items.map((i) => recordLine(i as Record<string, Json>)).join("\n");
  return items
    .map((i) => (isRecord(i) || Array.isArray(i) ? JSON.stringify(i) : leaf(key, i)))
    .join(", ");
}

/** Every leaf of a JSON value, keyed by its path of humanised keys. */
function flatten(value: unknown, path: string[] = [], out = new Map<string, string | null>()) {
  if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, [...path, k], out);
    return out;
  }
  const key = path.at(-1) ?? "value";
  const label = path.length ? path.map(humanise).join(" › ") : "Value";
  out.set(
    label,
    Array.isArray(value) ? list(key, value as Json[]) : leaf(key, (value ?? null) as Json),
  );
  return out;
}

/**
 * The values that differ between `before` and `after`, in the order they first appear.
 * An event with only `after` (something created) lists every value as new.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const was = flatten(before ?? {});
  const now = flatten(after ?? {});
  const labels = [...new Set([...was.keys(), ...now.keys()])];
  return labels
    .map((label) => ({ label, before: was.get(label) ?? null, after: now.get(label) ?? null }))
    .filter((c) => c.before !== c.after);
}

/** The changes on one line each ("Title: Old → New"), for the CSV export. */
export function changesText(changes: AuditChange[]): string {
  return changes
    .map(
      (c) =>
        `${c.label}: ${c.before?.replace(/\n/g, "; ") ?? "(none)"} → ${c.after?.replace(/\n/g, "; ") ?? "(none)"}`,
    )
    .join("\n");
}
