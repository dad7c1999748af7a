"use client";

import { useEffect, useId, useRef } from "react";
import { fieldId } from "./field-id";

export { fieldId };

/**
 * GOV.UK Design System's error summary: "There is a problem", a link to each field in
 * error, focused when it appears so screen reader and keyboard users hear it at once.
 */
export function ErrorSummary({
  errors,
  message,
  fieldOrder,
  fieldsPage = "",
  localFields = [],
}: {
  errors?: Record<string, string>;
  message?: string;
  /** Field names in the order they appear on the page. */
  fieldOrder?: string[];
  /** The page the fields are on, when it is not this one (a command refused on a preview). */
  fieldsPage?: string;
  /** Fields on this page all the same (the declaration beside a preview's submit button). */
  localFields?: string[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Unique per form: a page can hold several forms, each with its own summary.
  const titleId = useId();
  const entries = Object.entries(errors ?? {}).sort(([a], [b]) => {
    const order = fieldOrder ?? [];
    return (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999);
  });
  const visible = entries.length > 0 || Boolean(message);
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, errors, message]);
  if (!visible) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className="mb-6 border-4 border-error p-4 focus:outline-none"
    >
      <h2 id={titleId} className="mt-0 text-xl font-bold">
        There is a problem
      </h2>
      <ul className="mt-2 list-none space-y-1 p-0">
        {message ? <li className="font-semibold text-error">{message}</li> : null}
        {entries.map(([field, text]) => (
          <li key={field}>
            <a
              href={`${localFields.includes(field) ? "" : fieldsPage}#${fieldId(field)}`}
              className="font-semibold text-error underline"
            >
              {text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
