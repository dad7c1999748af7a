import { Fragment, type ReactNode } from "react";
import { fieldId } from "./field-id";

/** What every field takes: its name, words, error, the value to show and when to show it anew. */
export type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  /**
   * A new value remounts the control, so an uncontrolled field shows a new `defaultValue`
   * (bindFields makes it from the value and the form's answer).
   */
  resetKey?: string;
};

type WrapperProps = Omit<FieldProps, "defaultValue">;

/** A field's props split into the wrapper's (label, hint, error…) and the control's own. */
export function splitFieldProps<P extends WrapperProps>({
  name,
  label,
  hint,
  error,
  resetKey,
  ...control
}: P): [WrapperProps, Omit<P, keyof WrapperProps>] {
  return [{ name, label, hint, error, resetKey }, control];
}

/** The attributes a field's control must carry: its id, and the hint and error it points at. */
export type ControlProps = {
  id: string;
  name: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

/** The ids of a field's hint and error, for aria-describedby. */
export function describedBy(id: string, hint?: unknown, error?: unknown): string | undefined {
  return (
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") ||
    undefined
  );
}

/** A field's hint and its error message, GOV.UK style, with the ids describedBy names. */
export function FieldMessages({
  id,
  hint,
  error,
  hintClassName = "mt-1 text-ink-muted",
}: {
  id: string;
  hint?: ReactNode;
  error?: string;
  hintClassName?: string;
}) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className={hintClassName}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 font-semibold text-error">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** The edge that marks a field in error (GOV.UK): on the field's box, not colour alone. */
export function errorEdge(error: unknown): string {
  return error ? "border-l-4 border-error pl-4" : "";
}

/**
 * The GOV.UK field pattern shared by every input: label, optional hint, the error beside the
 * field, and the attributes the control must carry. `children` receives those attributes and
 * the border colour to draw the control with.
 */
export function Field({
  name,
  label,
  hint,
  error,
  resetKey,
  children,
}: WrapperProps & {
  children: (control: ControlProps, border: string) => ReactNode;
}) {
  const id = fieldId(name);
  const control: ControlProps = {
    id,
    name,
    "aria-describedby": describedBy(id, hint, error),
    "aria-invalid": error ? true : undefined,
  };
  return (
    <div className={`mb-6 ${errorEdge(error)}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <Fragment key={resetKey}>{children(control, error ? "border-error" : "border-ink")}</Fragment>
    </div>
  );
}
