import { ErrorSummary } from "@/components/forms/error-summary";
import { fieldId } from "@/components/forms/field-id";
import { SelectField, type SelectGroup } from "@/components/forms/select-field";
import { MAX_COMPARED } from "@/lib/councils/compare-query";
import { TidyCompare } from "./tidy-compare";

export const COMPARE_FORM_ID = "compare-form";

/**
 * The council picker as a GET form, so it works without JavaScript and every comparison has
 * its own address: the councils chosen travel as hidden fields, each with a Remove button
 * (`remove=<code>`), and a list of today's councils adds one (`add=<code>`). With JavaScript the
 * address is tidied to /compare?councils=A,B,C (TidyCompare); without, the page reads the
 * longer one the same way. Errors follow the GOV.UK pattern.
 */
export function CompareForm({
  chosen,
  councils,
  errors,
}: {
  chosen: { code: string; name: string }[];
  councils: SelectGroup[];
  /** By field: `councils` (the list chosen) and `add` (the council to add). */
  errors: Record<string, string>;
}) {
  const full = chosen.length >= MAX_COMPARED;
  return (
    <form
      id={COMPARE_FORM_ID}
      method="get"
      action="/compare"
      className="no-print mt-6 max-w-3xl"
      noValidate
    >
      <ErrorSummary errors={errors} fieldOrder={["councils", "add"]} />
      <fieldset
        id={fieldId("councils")}
        aria-describedby={errors.councils ? `${fieldId("councils")}-error` : undefined}
      >
        <legend className="text-xl font-bold">
          Councils compared ({chosen.length} of up to {MAX_COMPARED})
        </legend>
        {errors.councils ? (
          <p id={`${fieldId("councils")}-error`} className="mt-1 font-semibold text-error">
            <span className="sr-only">Error: </span>
            {errors.councils}
          </p>
        ) : null}
        {chosen.length === 0 ? (
          <p className="mt-2">None chosen yet.</p>
        ) : (
          <ul
            className="mt-2 divide-y divide-rule border-y border-rule"
            data-testid="compare-chosen"
          >
            {chosen.map((c) => (
              <li key={c.code} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <input type="hidden" name="councils" value={c.code} />
                <span>{c.name}</span>
                <button type="submit" name="remove" value={c.code} className="button-secondary">
                  Remove<span className="sr-only"> {c.name}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="mt-6">
        <SelectField
          name="add"
          label="Add a council"
          hint={
            full
              ? `Councils in England today, by region. ${MAX_COMPARED} are chosen: remove one to add another.`
              : "Councils in England today, by region. Any type of council can be compared with any other."
          }
          placeholder="Choose a council"
          groups={councils}
          error={errors.add}
        />
      </div>
      <button type="submit" className="button">
        Add council
      </button>
      <TidyCompare formId={COMPARE_FORM_ID} />
    </form>
  );
}
