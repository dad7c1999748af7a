import type { TextareaHTMLAttributes } from "react";
import { Field, splitFieldProps, type FieldProps } from "./field";

type Props = FieldProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "defaultValue">;

/** A labelled <textarea> with optional hint and its error beside it (GOV.UK pattern). */
export function TextareaField(props: Props) {
  const [field, { className = "", ...textarea }] = splitFieldProps(props);
  return (
    <Field {...field}>
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
