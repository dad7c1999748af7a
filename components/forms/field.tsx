import type { ReactNode } from "react";
import { fieldId } from "./field-id";

/**
 * The GOV.UK field pattern shared by every input: label, optional hint, the error beside the
 * field, and the ids the control must point at. `children` receives those ids.
 */
export function Field({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: (control: { id: string; describedBy: string | undefined }) => ReactNode;
}) {
  const id = fieldId(name);
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") ||
    undefined;
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
      {children({ id, describedBy })}
    </div>
  );
}
