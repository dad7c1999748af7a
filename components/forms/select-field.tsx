import type { SelectHTMLAttributes } from "react";
import { Field } from "./field";

export type SelectOption = { value: string; label: string };
export type SelectGroup = { label: string; options: SelectOption[] };

/** A labelled <select> with optional hint and its error beside it (GOV.UK pattern). */
export function SelectField({
  name,
  label,
  hint,
  error,
  defaultValue,
  placeholder,
  options = [],
  groups = [],
  className,
  ...select
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  /** A first, empty choice ("Choose an organisation", "Any"). */
  placeholder?: string;
  options?: SelectOption[];
  groups?: SelectGroup[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "defaultValue">) {
  return (
    <Field name={name} label={label} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <select
          id={id}
          name={name}
          defaultValue={defaultValue}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className={`mt-1 block w-full max-w-md border-2 bg-paper ${error ? "border-error" : "border-ink"} px-2 py-1.5 ${className ?? ""}`}
          {...select}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    </Field>
  );
}
