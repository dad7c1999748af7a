"use client";

import { useId, type ReactNode } from "react";
import { describedBy, errorEdge, FieldMessages } from "@/components/forms/field";
import { fieldId } from "@/components/forms/field-id";
import { usePartnerCombobox, type PartnerCombobox } from "./use-partner-combobox";
import { useHydrated } from "./use-hydrated";

export type PartnerChoice = { code: string; name: string };

type PickerProps = {
  options: PartnerChoice[];
  /** The partners' codes to start with (what was saved, or sent back with an error). */
  defaultSelected: string[];
  error?: string;
};

const HINTS = {
  select:
    "At least one organisation besides your own. Hold Ctrl (or Cmd on a Mac) to choose more than one.",
  combobox:
    "At least one organisation besides your own. Type part of a name, use the arrow keys to choose, and press Enter to add it.",
};

/** The field's label, hint and error around either control. */
function PartnerField({
  hint,
  error,
  children,
}: {
  hint: string;
  error?: string;
  children: ReactNode;
}) {
  const id = fieldId("partners");
  return (
    <div className={`mb-6 ${errorEdge(error)}`}>
      <label htmlFor={id} className="block font-semibold">
        Partner organisations
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

/** Without JavaScript: a multiple select sending the same `partners` values. */
function PartnerSelect({ options, defaultSelected, error }: PickerProps) {
  const id = fieldId("partners");
  const known = new Set(options.map((o) => o.code));
  // Chosen codes no longer in the options (e.g. not operating on the start date) still show.
  const all = [
    ...options,
    ...defaultSelected.filter((c) => !known.has(c)).map((code) => ({ code, name: code })),
  ];
  return (
    <select
      id={id}
      name="partners"
      multiple
      size={10}
      defaultValue={defaultSelected}
      aria-describedby={describedBy(id, true, error)}
      aria-invalid={error ? true : undefined}
      className={`mt-1 block w-full max-w-xl border-2 bg-paper ${error ? "border-error" : "border-ink"} px-2 py-1.5`}
    >
      {all.map((o) => (
        <option key={o.code} value={o.code}>
          {o.name}
        </option>
      ))}
    </select>
  );
}

/** The partners chosen so far, each a hidden `partners` input with a Remove button. */
function ChosenPartners({ picker, uid }: { picker: PartnerCombobox; uid: string }) {
  return (
    <>
      <h3 className="mt-3 font-semibold" id={`${uid}-chosen`}>
        Chosen partners ({picker.selected.length})
      </h3>
      {picker.selected.length === 0 ? (
        <p className="text-ink-muted">None yet.</p>
      ) : (
        <ul
          aria-labelledby={`${uid}-chosen`}
          className="mt-1 max-w-xl divide-y divide-rule border-y border-rule"
        >
          {picker.selected.map((code) => (
            <li key={code} className="flex items-center justify-between gap-4 py-1.5">
              <span>{picker.nameOf(code)}</span>
              <input type="hidden" name="partners" value={code} />
              <button
                type="button"
                className="button button-secondary py-1"
                onClick={() => picker.remove(code)}
              >
                Remove<span className="sr-only"> {picker.nameOf(code)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The matching organisations under the box; mousedown (not click) fires before blur. */
function Matches({ picker, uid }: { picker: PartnerCombobox; uid: string }) {
  return (
    <ul
      id={`${uid}-listbox`}
      role="listbox"
      aria-label="Matching organisations"
      hidden={!picker.expanded}
      className="absolute z-10 mt-0 max-h-72 w-full overflow-y-auto border-2 border-ink bg-paper"
    >
      {picker.matches.map((o, index) => (
        <li
          key={o.code}
          id={`${uid}-option-${index}`}
          role="option"
          aria-selected={index === picker.activeIndex}
          onMouseDown={(event) => {
            event.preventDefault();
            picker.add(o.code);
          }}
          className={`cursor-pointer px-2 py-1.5 ${index === picker.activeIndex ? "bg-brand text-white" : ""}`}
        >
          {o.name}
        </li>
      ))}
    </ul>
  );
}

/** With JavaScript: type to filter, arrow keys to move, Enter to add. */
function Combobox({
  picker,
  uid,
  error,
}: {
  picker: PartnerCombobox;
  uid: string;
  error?: string;
}) {
  const id = fieldId("partners");
  const { expanded, activeIndex } = picker;
  return (
    <div className="relative mt-3 max-w-xl">
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${uid}-listbox`}
        aria-activedescendant={
          expanded && activeIndex >= 0 ? `${uid}-option-${activeIndex}` : undefined
        }
        aria-describedby={describedBy(id, true, error)}
        aria-invalid={error ? true : undefined}
        placeholder="Start typing an organisation's name"
        value={picker.query}
        onChange={(event) => picker.type(event.target.value)}
        onKeyDown={picker.onKeyDown}
        onBlur={picker.close}
        className={`form-input block w-full border-2 ${error ? "border-error" : "border-ink"} px-2 py-1.5`}
      />
      <Matches picker={picker} uid={uid} />
    </div>
  );
}

/**
 * Partner organisations. With JavaScript: a combobox (type to filter, arrow keys to move, Enter
 * to add) and the chosen partners listed, each with a Remove button; each chosen partner is a
 * hidden `partners` input. Without JavaScript: a multiple select sending the same `partners`.
 */
export function PartnerPicker({ options, defaultSelected, error }: PickerProps) {
  const hydrated = useHydrated();
  const uid = useId();
  const picker = usePartnerCombobox(options, defaultSelected, fieldId("partners"));

  if (!hydrated) {
    return (
      <PartnerField hint={HINTS.select} error={error}>
        <PartnerSelect options={options} defaultSelected={defaultSelected} error={error} />
      </PartnerField>
    );
  }
  return (
    <PartnerField hint={HINTS.combobox} error={error}>
      <ChosenPartners picker={picker} uid={uid} />
      <Combobox picker={picker} uid={uid} error={error} />
      {picker.open && picker.needle !== "" && picker.matches.length === 0 ? (
        <p className="mt-1 text-ink-muted">No organisations match “{picker.query.trim()}”.</p>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {picker.announcement}
      </p>
    </PartnerField>
  );
}
