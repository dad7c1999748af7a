"use client";

import { useFormStatus } from "react-dom";

/** The form's submit button, saying what is happening while the form is being sent. */
export function SubmitButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : label}
    </button>
  );
}

/** A status line, filled in only while the form is being sent (announced politely). */
export function Pending({ text }: { text: string }) {
  const { pending } = useFormStatus();
  return (
    <p role="status" aria-live="polite" className="mt-2 text-ink-muted">
      {pending ? text : ""}
    </p>
  );
}
