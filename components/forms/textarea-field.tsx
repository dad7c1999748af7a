import type { TextareaHTMLAttributes } from "react";
import { Field } from "./field";

/** A labelled <textarea> with optional hint and its error beside it (GOV.UK pattern). */
export function TextareaField({
  name,
  label,
  hint,
  error,
  defaultValue,
  className,
  ...textarea
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "defaultValue">) {
  return (
    <Field name={name} label={label} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <textarea
          id={id}
          name={name}
          defaultValue={defaultValue}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          rows={6}
          className={`mt-1 block w-full max-w-2xl border-2 ${error ? "border-error" : "border-ink"} px-2 py-1.5 ${className ?? ""}`}
          {...textarea}
        />
      )}
    </Field>
  );
}
