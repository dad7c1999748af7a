import type { SelectHTMLAttributes } from "react";
import { Field, splitFieldProps, type FieldProps } from "./field";

export type SelectOption = { value: string; label: string };
export type SelectGroup = { label: string; options: SelectOption[] };

function Options({ options }: { options: readonly SelectOption[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

type Props = FieldProps & {
  /** A first, empty choice ("Choose an organisation", "Any"). */
  placeholder?: string;
  options?: readonly SelectOption[];
  groups?: readonly SelectGroup[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "defaultValue">;

/** A labelled <select> with optional hint and its error beside it (GOV.UK pattern). */
export function SelectField(props: Props) {
  const [field, { placeholder, options = [], groups = [], className = "", ...select }] =
    splitFieldProps(props);
  return (
    <Field {...field}>
      {(control, border) => (
        <select
          {...control}
          className={`mt-1 block w-full max-w-md border-2 bg-paper ${border} px-2 py-1.5 ${className}`}
          {...select}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          <Options options={options} />
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              <Options options={g.options} />
            </optgroup>
          ))}
        </select>
      )}
    </Field>
  );
}
