import { Fragment } from "react";
import { describedBy, errorEdge, FieldMessages } from "./field";
import { fieldId } from "./field-id";

export type Choice = { value: string; label: string; hint?: string };

function ChoiceInput({
  type,
  id,
  name,
  option,
  checked,
}: {
  type: "radio" | "checkbox";
  id: string;
  name: string;
  option: Choice;
  checked: boolean;
}) {
  return (
    <div className="flex items-start gap-2">
      <input
        type={type}
        id={id}
        name={name}
        value={option.value}
        defaultChecked={checked}
        aria-describedby={option.hint ? `${id}-hint` : undefined}
        className="mt-1 size-5 shrink-0 accent-brand"
      />
      <div>
        <label htmlFor={id}>{option.label}</label>
        {option.hint ? (
          <p id={`${id}-hint`} className="text-ink-muted">
            {option.hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * Radios or checkboxes in a fieldset whose legend asks the question (GOV.UK pattern). Every
 * input shares the name (checkboxes send the ticked values as a list). The first input takes
 * the field's id, so the error summary's link lands on the group.
 */
export function ChoiceGroup({
  type,
  name,
  legend,
  hint,
  error,
  checked,
  options,
  resetKey,
}: {
  type: "radio" | "checkbox";
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  checked: readonly string[];
  options: readonly Choice[];
  resetKey?: string;
}) {
  const id = fieldId(name);
  return (
    <fieldset
      className={`mb-6 ${errorEdge(error)}`}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="font-semibold">{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="mt-2 space-y-2">
        <Fragment key={resetKey}>
          {options.map((option, index) => (
            <ChoiceInput
              key={option.value}
              type={type}
              id={index === 0 ? id : `${id}-${index + 1}`}
              name={name}
              option={option}
              checked={checked.includes(option.value)}
            />
          ))}
        </Fragment>
      </div>
    </fieldset>
  );
}
