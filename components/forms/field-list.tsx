import type { FieldBinder } from "./bind-fields";
import { SelectField, type SelectGroup, type SelectOption } from "./select-field";
import { TextField } from "./text-field";

type Common = { name: string; label: string; hint?: string };

/** A choice from a list ("Any region", or the regions). */
export type SelectSpec = Common & {
  kind?: "select";
  placeholder?: string;
  options?: readonly SelectOption[];
  groups?: readonly SelectGroup[];
};

/** Typed text: a search, an email address, a date. */
export type TextSpec = Common & { kind: "text"; type: "search" | "email" | "date" };

/** Fields side by side within one cell of the form's grid ("Date from", "Date to"). */
export type GroupSpec = { kind: "group"; name: string; fields: (SelectSpec | TextSpec)[] };

export type FieldSpec = SelectSpec | TextSpec | GroupSpec;

function OneField({ spec, field }: { spec: SelectSpec | TextSpec; field: FieldBinder }) {
  if (spec.kind === "text") {
    const { kind: _kind, ...text } = spec;
    return <TextField {...field(spec.name)} {...text} spellCheck={false} />;
  }
  const { kind: _kind, ...select } = spec;
  return <SelectField {...field(spec.name)} {...select} />;
}

/**
 * A form's fields from a list, each wired to the form's values and errors by `field`
 * (bindFields): the filters of a list or a map are data, not markup written out again.
 */
export function FieldList({ fields, field }: { fields: readonly FieldSpec[]; field: FieldBinder }) {
  return fields.map((spec) =>
    spec.kind === "group" ? (
      <div key={spec.name} className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        <FieldList fields={spec.fields} field={field} />
      </div>
    ) : (
      <OneField key={spec.name} spec={spec} field={field} />
    ),
  );
}
