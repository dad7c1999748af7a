import type { TextareaHTMLAttributes } from "react";
import { Field, type FieldProps } from "./field";

/** A labelled <textarea> with optional hint and its error beside it (GOV.UK pattern). */
export function TextareaField({
  name,
  label,
  hint,
  error,
  resetKey,
  className = "",
  ...textarea
}: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "defaultValue">) {
  return (
    <Field name={name} label={label} hint={hint} error={error} resetKey={resetKey}>
      {(control, border) => (
        <textarea
          {...control}
          rows={6}
          className={`mt-1 block w-full max-w-2xl border-2 ${border} px-2 py-1.5 ${className}`}
          {...textarea}
        />
      )}
    </Field>
  );
}
