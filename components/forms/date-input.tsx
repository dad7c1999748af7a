import { Fragment } from "react";
import { parseDateParts, type DatePart, type DateParts } from "@/lib/date-input";
import { describedBy, errorEdge, FieldMessages } from "./field";
import { fieldId } from "./field-id";

const PARTS: { part: DatePart; label: string; width: string }[] = [
  { part: "day", label: "Day", width: "w-16" },
  { part: "month", label: "Month", width: "w-16" },
  { part: "year", label: "Year", width: "w-24" },
];

/** The parts an error is about (all of them when the date as a whole is wrong). */
function partsInError(legend: string, values: DateParts, error: string | undefined): DatePart[] {
  if (!error) return [];
  const parsed = parseDateParts(legend, values);
  return parsed.ok ? ["day", "month", "year"] : parsed.parts;
}

/**
 * The GOV.UK date input: a fieldset whose legend names the date, a hint with an example, and
 * three labelled text inputs sent as `<name>Day`, `<name>Month` and `<name>Year`. Text inputs
 * with a numeric keyboard (not type="number", which drops leading zeros and scrolls), so it
 * works alike with and without JavaScript. The first part in error takes the field's id, so the
 * error summary's link lands on it; only the parts in error are marked.
 */
export function DateInput({
  name,
  legend,
  hint,
  error,
  values,
  resetKey,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  values: DateParts;
  resetKey?: string;
}) {
  const id = fieldId(name);
  const wrong = partsInError(legend, values, error);
  const first = wrong[0] ?? "day";
  return (
    <fieldset
      className={`mb-6 ${errorEdge(error)}`}
      role="group"
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="font-semibold">{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="mt-1 flex gap-4">
        <Fragment key={resetKey}>
          {PARTS.map(({ part, label, width }) => {
            const partId = part === first ? id : `${id}-${part}`;
            return (
              <div key={part}>
                <label htmlFor={partId} className="block">
                  {label}
                </label>
                <input
                  id={partId}
                  name={`${name}${label}`}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  spellCheck={false}
                  defaultValue={values[part]}
                  aria-invalid={wrong.includes(part) ? true : undefined}
                  className={`form-input mt-1 block border-2 ${
                    wrong.includes(part) ? "border-error" : "border-ink"
                  } px-2 py-1.5 ${width}`}
                />
              </div>
            );
          })}
        </Fragment>
      </div>
    </fieldset>
  );
}
