import { DataTable, type Column } from "@/components/data-table";
import { pickFormValues, type ArrangementFormValues } from "@/lib/arrangements/schema";
import { benefitLabel, SERVICE_CATEGORIES } from "@/lib/categories";
import { financialYearLabel } from "@/lib/financial-year";
import type { ArrangementFormState } from "./form-state";

const CATEGORY_NAME = new Map<string, string>(SERVICE_CATEGORIES.map((c) => [c.slug, c.name]));

const FIELD_LABELS: [keyof ArrangementFormValues, string][] = [
  ["title", "Title"],
  ["description", "Description"],
  ["mainCategory", "Main service category"],
  ["furtherCategories", "Further service categories"],
  ["stage", "Stage"],
  ["startDate", "Start date"],
  ["endDate", "End date"],
  ["partners", "Partner organisations"],
  ["noSavingsReason", "Reason for no savings"],
  ["benefits", "Other benefits"],
  ["contactName", "Public contact name"],
  ["contactEmail", "Public contact email"],
];

function describe(
  field: keyof ArrangementFormValues,
  values: ArrangementFormValues,
  partnerNames: Map<string, string>,
): string {
  const v = values[field];
  const list = Array.isArray(v) ? v.filter(Boolean) : null;
  if (field === "mainCategory") return CATEGORY_NAME.get(v as string) ?? (v as string);
  if (field === "furtherCategories") return list!.map((s) => CATEGORY_NAME.get(s) ?? s).join(", ");
  if (field === "partners") return list!.map((c) => partnerNames.get(c) ?? c).join(", ");
  if (field === "benefits") return list!.map((b) => benefitLabel(b) ?? b).join(", ");
  return list ? list.join(", ") : (v as string);
}

function savingsText(values: ArrangementFormValues): string {
  const rows: string[] = [];
  const length = Math.max(values.savingsYear.length, values.savingsAmount.length);
  for (let i = 0; i < length; i++) {
    const year = values.savingsYear[i]?.trim() ?? "";
    const amount = values.savingsAmount[i]?.trim() ?? "";
    if (!amount) continue;
    const label = /^\d{4}$/.test(year) ? financialYearLabel(Number(year)) : year;
    rows.push(`${label}: ${amount} (${values.savingsKind[i] || "not said"})`);
  }
  return rows.join("; ");
}

type Comparison = { label: string; stored: string; typed: string };

const COLUMNS: Column<Comparison>[] = [
  {
    label: "Field",
    rowHeader: true,
    cellClassName: "font-semibold",
    cell: (row) => (
      <>
        {row.label}
        {row.stored !== row.typed ? <span className="block text-error">Differs</span> : null}
      </>
    ),
  },
  {
    label: "Saved version",
    cellClassName: "whitespace-pre-line",
    cell: (row) => row.stored || "—",
  },
  { label: "Your version", cellClassName: "whitespace-pre-line", cell: (row) => row.typed || "—" },
];

/** The stored version beside what was typed, field by field, after a save from a stale form. */
export function ConflictView({
  conflict,
  typed,
  partnerNames,
}: {
  conflict: NonNullable<ArrangementFormState["conflict"]>;
  typed: ArrangementFormValues;
  partnerNames: Map<string, string>;
}) {
  const stored = pickFormValues(conflict.stored);
  const rows: Comparison[] = FIELD_LABELS.map(([field, label]) => ({
    label,
    stored: describe(field, stored, partnerNames),
    typed: describe(field, typed, partnerNames),
  }));
  rows.splice(8, 0, { label: "Savings", stored: savingsText(stored), typed: savingsText(typed) });
  return (
    <section
      aria-labelledby="conflict-heading"
      className="mb-8 border-l-8 border-error bg-surface p-4"
    >
      <h2 id="conflict-heading" className="text-xl font-bold">
        This record was changed by {conflict.changedByName} at {conflict.changedAt} since you opened
        it
      </h2>
      <p className="mt-2 max-w-2xl">
        Your changes have not been saved. Compare the saved version with yours. The form below still
        holds everything you typed: change anything you need to, then choose “Save my version” to
        save it on top of the saved version.
      </p>
      <DataTable
        id="conflict"
        regionClassName="mt-4"
        captionClassName="sr-only"
        caption="The saved version and your version, field by field"
        columns={COLUMNS}
        rows={rows}
        rowKey={(row) => row.label}
      />
    </section>
  );
}
