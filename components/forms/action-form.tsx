import type { ReactNode } from "react";
import type { FormState } from "@/lib/auth/access";
import { ErrorSummary } from "./error-summary";

/**
 * The shell every form posting to a server action shares: the error summary (GOV.UK "There is
 * a problem", linked to the fields), the hidden values the action needs, the fields, and one
 * submit button, disabled while the form is being sent. `success` is shown instead of the
 * summary once the action has worked. Used inside client components (useActionState).
 */
export function ActionForm({
  form: [state, action, pending],
  submitLabel,
  submitClassName = "button",
  fieldOrder,
  hidden = {},
  success,
  labelledBy,
  children,
}: {
  /** What useActionState returned: the answer, the action, and whether it is being sent. */
  form: readonly [FormState, (formData: FormData) => void, boolean];
  submitLabel: string;
  submitClassName?: string;
  /** Field names in page order, for the summary's links. */
  fieldOrder?: string[];
  /** Values sent with the form (ids, versions); empty ones are left out. */
  hidden?: Record<string, string | number | null | undefined>;
  success?: ReactNode;
  labelledBy?: string;
  children?: ReactNode;
}) {
  return (
    <form action={action} noValidate aria-labelledby={labelledBy}>
      {state.ok ? success : null}
      <ErrorSummary
        errors={state.errors}
        message={state.ok ? undefined : state.message}
        fieldOrder={fieldOrder}
      />
      {Object.entries(hidden).map(([name, value]) =>
        value === null || value === undefined ? null : (
          <input key={name} type="hidden" name={name} value={value} />
        ),
      )}
      {children}
      <button type="submit" className={submitClassName} disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
