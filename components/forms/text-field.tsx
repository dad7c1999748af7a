import type { InputHTMLAttributes } from "react";
import { Field, type FieldProps } from "./field";

/** A labelled input with optional hint and its error beside it (GOV.UK pattern). */
export function TextField({
  name,
  label,
  hint,
  error,
  resetKey,
  className = "",
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "defaultValue">) {
  return (
    <Field name={name} label={label} hint={hint} error={error} resetKey={resetKey}>
      {(control, border) => (
        <input
          {...control}
          className={`form-input mt-1 block w-full max-w-md border-2 ${border} px-2 py-1.5 ${className}`}
          {...input}
        />
      )}
    </Field>
  );
}
