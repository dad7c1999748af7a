import type { InputHTMLAttributes } from "react";
import { Field, splitFieldProps, type FieldProps } from "./field";

type Props = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "defaultValue">;

/** A labelled input with optional hint and its error beside it (GOV.UK pattern). */
export function TextField(props: Props) {
  const [field, { className = "", ...input }] = splitFieldProps(props);
  return (
    <Field {...field}>
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
