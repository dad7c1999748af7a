import type { InputHTMLAttributes } from "react";
import { fieldId } from "./error-summary";

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
      <input
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
        className={`form-input mt-1 block w-full max-w-md border-2 ${error ? "border-error" : "border-ink"} px-2 py-1.5 ${className ?? ""}`}
        {...input}
      />
    </div>
  );
}
