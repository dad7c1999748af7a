import { describedBy, errorEdge, FieldMessages } from "@/components/forms/field";
import { fieldId } from "@/components/forms/field-id";
import { DECLARATION } from "@/lib/arrangements/declaration";

/**
 * The declaration an editor ticks to submit (GOV.UK single checkbox in a fieldset): required,
 * and recorded with the submission (lib/arrangements/commands/state-changes.ts).
 */
export function DeclarationField({ error, checked }: { error?: string; checked?: boolean }) {
  const id = fieldId("declaration");
  return (
    <fieldset
      className={`mb-4 max-w-2xl ${errorEdge(error)}`}
      aria-describedby={describedBy(id, false, error)}
    >
      <legend className="font-semibold">Declaration</legend>
      <FieldMessages id={id} error={error} />
      <div className="mt-2 flex items-start gap-2">
        <input
          type="checkbox"
          id={id}
          name="declaration"
          value="yes"
          defaultChecked={checked}
          aria-invalid={error ? true : undefined}
          className="mt-1 size-5 shrink-0 accent-brand"
        />
        <label htmlFor={id}>{DECLARATION}</label>
      </div>
    </fieldset>
  );
}
