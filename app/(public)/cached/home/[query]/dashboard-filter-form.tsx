import { bindFields } from "@/components/forms/bind-fields";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FieldList, type FieldSpec } from "@/components/forms/field-list";
import { SERVICE_CATEGORIES } from "@/lib/categories";
import { REGIONS } from "@/lib/public/regions";

const FIELDS: FieldSpec[] = [
  {
    name: "region",
    label: "Region",
    hint: "The region of the arrangement's lead organisation.",
    placeholder: "All regions",
    options: REGIONS.map((r) => ({ value: r.slug, label: r.name })),
  },
  {
    name: "category",
    label: "Service category",
    hint: "The main category or any further one.",
    placeholder: "All service categories",
    options: SERVICE_CATEGORIES.map((c) => ({ value: c.slug, label: c.name })),
  },
];

/**
 * The dashboard's filters: a GET form, so it works without JavaScript and every choice lives in
 * the address (shareable, cacheable). A parameter that could not be used is reported in the
 * GOV.UK way (summary linked to the field, message beside it), never fatal.
 */
export function DashboardFilterForm({
  region,
  category,
  errors,
}: {
  region?: string;
  category?: string;
  errors: Record<string, string>;
}) {
  const field = bindFields({ values: { region, category }, errors });
  return (
    <>
      <ErrorSummary errors={errors} fieldOrder={["region", "category"]} />
      <form
        method="get"
        action="/"
        role="search"
        aria-labelledby="filters-heading"
        className="no-print bg-surface p-4 sm:p-5"
      >
        <h2 id="filters-heading" className="mb-4 text-xl font-bold">
          Filter the figures
        </h2>
        <div className="grid gap-x-6 md:grid-cols-2">
          <FieldList fields={FIELDS} field={field} />
        </div>
        <button type="submit" className="button">
          Apply filters
        </button>
      </form>
    </>
  );
}
