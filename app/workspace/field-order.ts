import type { ArrangementFormValues } from "@/lib/arrangements/schema";

/**
 * The arrangement form's field names in the order the form shows them, so an error summary
 * lists problems top to bottom: the form's own, and a refused submission's on the preview page.
 */
export function fieldOrder(values: ArrangementFormValues): string[] {
  // Savings rows are keyed by year (lib/arrangements/savings-grid.ts), oldest first.
  const years = [...new Set(values.savingsYear.map((y) => y.trim()))].sort();
  return [
    "title",
    "description",
    "mainCategory",
    "furtherCategories",
    "stage",
    "startDate",
    "endDate",
    "partners",
    ...years.flatMap((year) => ["year", "amount", "kind"].map((p) => `savings.${year}.${p}`)),
    "noSavingsReason",
    "benefits",
    "contactName",
    "contactEmail",
  ];
}
