import Link from "next/link";
import { bindFields } from "./bind-fields";
import { ErrorSummary } from "./error-summary";
import { FieldList, type FieldSpec } from "./field-list";

const COLUMNS = { 1: "", 2: "md:grid-cols-2", 3: "md:grid-cols-3" } as const;

/**
 * A list's filters as a GET form: it works without JavaScript, and the filters live in the
 * address, so a view can be bookmarked and shared (and an export can read them). The fields are
 * a list (FieldList) showing `values`; "Clear filters" is the list's own address.
 */
export function FilterForm({
  action,
  label,
  submitLabel,
  clearLabel = "Clear filters",
  columns = 2,
  fields,
  values,
  errors,
}: {
  /** The list's address. */
  action: string;
  /** Names the search landmark. */
  label: string;
  submitLabel: string;
  clearLabel?: string;
  columns?: keyof typeof COLUMNS;
  fields: readonly FieldSpec[];
  values: Record<string, string | undefined>;
  /** Parameters that could not be used, by field (shown in a summary and beside each field). */
  errors?: Record<string, string>;
}) {
  const field = bindFields({ values, errors });
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={label}
      className="mb-8 bg-surface p-4"
      noValidate={errors ? true : undefined}
    >
      {errors ? <ErrorSummary errors={errors} fieldOrder={Object.keys(values)} /> : null}
      <div className={`grid gap-x-6 ${COLUMNS[columns]}`}>
        <FieldList fields={fields} field={field} />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        <Link href={action}>{clearLabel}</Link>
      </div>
    </form>
  );
}
