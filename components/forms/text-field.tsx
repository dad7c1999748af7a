import type { InputHTMLAttributes } from "react";
import { Field } from "./field";

/** A labelled input with optional hint and its error beside it (GOV.UK pattern). */
export function TextField({
  name,
  label,
  hint,
  error,
  defaultValue,
  className,
  ...input
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "defaultValue">) {
  return (
    <Field name={name} label={label} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <input
          id={id}
          name={name}
          defaultValue={defaultValue}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className={`form-input mt-1 block w-full max-w-md border-2 ${error ? "border-error" : "border-ink"} px-2 py-1.5 ${className ?? ""}`}
          {...input}
        />
      )}
    </Field>
  );
}
