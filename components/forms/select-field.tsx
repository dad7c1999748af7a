import type { SelectHTMLAttributes } from "react";
import { fieldId } from "./error-summary";

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
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-ink-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 font-semibold text-error">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy || undefined}
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
    </div>
  );
}
