import type { ArrangementFormValues } from "@/lib/arrangements/schema";

/**
 * The arrangement form's field names in the order the form shows them, so an error summary
 * lists problems top to bottom: the form's own, and a refused submission's on the preview page.
 */
export function fieldOrder(values: ArrangementFormValues): string[] {
  const rows = Math.max(values.savingsYear.length, values.savingsAmount.length);
  return [
    "title",
    "description",
    "mainCategory",
    "furtherCategories",
    "stage",
    "startDate",
    "endDate",
    "partners",
    ...Array.from({ length: rows }, (_, i) =>
      ["year", "amount", "kind"].map((p) => `savings.${i}.${p}`),
    ).flat(),
    "noSavingsReason",
    "benefits",
    "contactName",
    "contactEmail",
  ];
}
