"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { fieldId } from "@/components/forms/error-summary";
import { useHydrated } from "./use-hydrated";

export type PartnerChoice = { code: string; name: string };

const MAX_SHOWN = 30;

/**
 * Partner organisations. With JavaScript: a combobox (type to filter, arrow keys to move, Enter
 * to add) and the chosen partners listed, each with a Remove button; each chosen partner is a
 * hidden `partners` input. Without JavaScript: a multiple select sending the same `partners`.
 */
export function PartnerPicker({
  options,
  defaultSelected,
  error,
}: {
  options: PartnerChoice[];
  defaultSelected: string[];
  error?: string;
}) {
  const hydrated = useHydrated();
  const [selected, setSelected] = useState<string[]>(defaultSelected);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState("");
  const uid = useId();
  const id = fieldId("partners");
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const listboxId = `${uid}-listbox`;
  const names = new Map(options.map((o) => [o.code, o.name]));
  const nameOf = (code: string) => names.get(code) ?? code;
  // Chosen codes no longer in the options (e.g. not operating on the start date) still show.
  const fallbackOptions = [
    ...options,
    ...defaultSelected.filter((c) => !names.has(c)).map((code) => ({ code, name: code })),
  ];

  const needle = query.trim().toLowerCase();
  const matches = options
    .filter(
      (o) =>
        !selected.includes(o.code) &&
        (needle === "" || o.name.toLowerCase().includes(needle) || o.code.toLowerCase() === needle),
    )
    .slice(0, MAX_SHOWN);
  const expanded = open && matches.length > 0;
  // -1: nothing highlighted yet (typing filters; the arrow keys highlight).
  const activeIndex = Math.min(active, matches.length - 1);

  const add = (code: string) => {
    const next = [...selected, code];
    setSelected(next);
    setQuery("");
    setActive(-1);
    setOpen(false);
    setAnnouncement(
      `Added ${nameOf(code)}. ${next.length} partner${next.length === 1 ? "" : "s"} chosen.`,
    );
  };
  const remove = (code: string) => {
    const next = selected.filter((c) => c !== code);
    setSelected(next);
    setAnnouncement(
      `Removed ${nameOf(code)}. ${next.length} partner${next.length === 1 ? "" : "s"} chosen.`,
    );
    document.getElementById(id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive(Math.min(activeIndex + 1, matches.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (expanded) setActive(Math.max(activeIndex - 1, 0));
    } else if (event.key === "Enter") {
      // Enter chooses an option; it never submits the whole form from here.
      event.preventDefault();
      // A highlighted option, or the only one left after filtering.
      const option = !expanded
        ? undefined
        : activeIndex >= 0
          ? matches[activeIndex]
          : matches.length === 1
            ? matches[0]
            : undefined;
      if (option) add(option.code);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
      } else setQuery("");
    }
  };

  const errorText = error ? (
    <p id={errorId} className="mt-1 font-semibold text-error">
      <span className="sr-only">Error: </span>
      {error}
    </p>
  ) : null;
  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(" ");

  if (!hydrated) {
    return (
      <div className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}>
        <label htmlFor={id} className="block font-semibold">
          Partner organisations
        </label>
        <p id={hintId} className="mt-1 text-ink-muted">
          At least one organisation besides your own. Hold Ctrl (or Cmd on a Mac) to choose more
          than one.
        </p>
        {errorText}
        <select
          id={id}
          name="partners"
          multiple
          size={10}
          defaultValue={defaultSelected}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className={`mt-1 block w-full max-w-xl border-2 bg-paper ${error ? "border-error" : "border-ink"} px-2 py-1.5`}
        >
          {fallbackOptions.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
    );
  }

  return (
    <div className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}>
      <label htmlFor={id} className="block font-semibold">
        Partner organisations
      </label>
      <p id={hintId} className="mt-1 text-ink-muted">
        At least one organisation besides your own. Type part of a name, use the arrow keys to
        choose, and press Enter to add it.
      </p>
      {errorText}
      <h3 className="mt-3 font-semibold" id={`${uid}-chosen`}>
        Chosen partners ({selected.length})
      </h3>
      {selected.length === 0 ? (
        <p className="text-ink-muted">None yet.</p>
      ) : (
        <ul
          aria-labelledby={`${uid}-chosen`}
          className="mt-1 max-w-xl divide-y divide-rule border-y border-rule"
        >
          {selected.map((code) => (
            <li key={code} className="flex items-center justify-between gap-4 py-1.5">
              <span>{nameOf(code)}</span>
              <input type="hidden" name="partners" value={code} />
              <button
                type="button"
                className="button button-secondary py-1"
                onClick={() => remove(code)}
              >
                Remove<span className="sr-only"> {nameOf(code)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="relative mt-3 max-w-xl">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={
            expanded && activeIndex >= 0 ? `${uid}-option-${activeIndex}` : undefined
          }
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          placeholder="Start typing an organisation's name"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(-1);
            setOpen(event.target.value.trim() !== "");
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          className={`form-input block w-full border-2 ${error ? "border-error" : "border-ink"} px-2 py-1.5`}
        />
        <ul
          id={listboxId}
          role="listbox"
          aria-label="Matching organisations"
          hidden={!expanded}
          className="absolute z-10 mt-0 max-h-72 w-full overflow-y-auto border-2 border-ink bg-paper"
        >
          {matches.map((o, index) => (
            <li
              key={o.code}
              id={`${uid}-option-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              // mousedown, not click: it fires before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                add(o.code);
              }}
              className={`cursor-pointer px-2 py-1.5 ${index === activeIndex ? "bg-brand text-white" : ""}`}
            >
              {o.name}
            </li>
          ))}
        </ul>
      </div>
      {open && needle !== "" && matches.length === 0 ? (
        <p className="mt-1 text-ink-muted">No organisations match “{query.trim()}”.</p>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
