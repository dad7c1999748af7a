"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import type { FormState } from "@/lib/auth/access";
import { DeclarationField } from "./declaration-field";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * One command on an arrangement (submit, withdraw, delete, discard) as a small form of its own:
 * a real POST that works without JavaScript, carrying the version the page was loaded from.
 * A refusal naming fields (a draft submitted before it is complete) lists each one, linked to
 * the field on the edit page, in the order the form shows them.
 */
export function CommandButton({
  action: serverAction,
  arrangementId,
  baseVersion,
  label,
  variant = "primary",
  fieldsPage,
  fieldOrder,
  declaration = false,
}: {
  action: Action;
  arrangementId: number;
  baseVersion: number;
  label: string;
  variant?: "primary" | "secondary" | "warning";
  /** Where the fields a refusal names are edited. */
  fieldsPage?: string;
  fieldOrder?: string[];
  /** Ask for the submitter's declaration above the button (submit). */
  declaration?: boolean;
}) {
  const [state, action, pending] = useActionState(serverAction, {} as FormState);
  const className =
    variant === "primary"
      ? "button"
      : variant === "warning"
        ? "button button-warning"
        : "button button-secondary";
  return (
    <form action={action} className={declaration ? "block w-full" : "inline-block"}>
      <input type="hidden" name="arrangementId" value={arrangementId} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      {declaration ? (
        <DeclarationField
          error={state.errors?.declaration}
          checked={state.values?.declaration === "yes"}
        />
      ) : null}
      <button type="submit" className={className} disabled={pending}>
        {label}
      </button>
      {state.errors && Object.keys(state.errors).length > 0 ? (
        <div className="mt-4 max-w-xl">
          <ErrorSummary
            errors={state.errors}
            message={state.message}
            fieldOrder={fieldOrder && [...fieldOrder, "declaration"]}
            fieldsPage={fieldsPage}
            localFields={["declaration"]}
          />
        </div>
      ) : state.message ? (
        <p role="alert" className="mt-2 max-w-md font-semibold text-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
