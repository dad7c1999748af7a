import { fieldId } from "./field-id";

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
}: {
  type: "radio" | "checkbox";
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  checked: readonly string[];
  options: readonly { value: string; label: string; hint?: string }[];
}) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset
      className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}
      aria-describedby={describedBy || undefined}
    >
      <legend className="font-semibold">{legend}</legend>
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
      <div className="mt-2 space-y-2">
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index + 1}`;
          return (
            <div key={option.value} className="flex items-start gap-2">
              <input
                type={type}
                id={optionId}
                name={name}
                value={option.value}
                defaultChecked={checked.includes(option.value)}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                className="mt-1 size-5 shrink-0 accent-brand"
              />
              <div>
                <label htmlFor={optionId}>{option.label}</label>
                {option.hint ? (
                  <p id={`${optionId}-hint`} className="text-ink-muted">
                    {option.hint}
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
