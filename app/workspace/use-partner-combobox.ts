import { useState, type KeyboardEvent } from "react";
import type { PartnerChoice } from "./partner-picker";

/** At most this many matches are listed under the box. */
const MAX_SHOWN = 30;

function chosenText(count: number): string {
  return `${count} partner${count === 1 ? "" : "s"} chosen.`;
}

/** Options not yet chosen whose name contains the text typed (or whose code is it). */
function matching(options: PartnerChoice[], selected: string[], needle: string) {
  return options
    .filter(
      (o) =>
        !selected.includes(o.code) &&
        (needle === "" || o.name.toLowerCase().includes(needle) || o.code.toLowerCase() === needle),
    )
    .slice(0, MAX_SHOWN);
}

/**
 * The partner combobox's state: the chosen codes, the text typed, the matches and which is
 * highlighted, and a sentence for screen readers after each change. `inputId` gets focus back
 * after a partner is removed.
 */
export function usePartnerCombobox(
  options: PartnerChoice[],
  defaultSelected: string[],
  inputId: string,
) {
  const [selected, setSelected] = useState<string[]>(defaultSelected);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState("");
  const names = new Map(options.map((o) => [o.code, o.name]));
  const nameOf = (code: string) => names.get(code) ?? code;
  const needle = query.trim().toLowerCase();
  const matches = matching(options, selected, needle);
  const expanded = open && matches.length > 0;
  // -1: nothing highlighted yet (typing filters; the arrow keys highlight).
  const activeIndex = Math.min(active, matches.length - 1);

  const choose = (next: string[], change: string) => {
    setSelected(next);
    setAnnouncement(`${change}. ${chosenText(next.length)}`);
  };
  const add = (code: string) => {
    choose([...selected, code], `Added ${nameOf(code)}`);
    setQuery("");
    setActive(-1);
    setOpen(false);
  };
  const remove = (code: string) => {
    choose(
      selected.filter((c) => c !== code),
      `Removed ${nameOf(code)}`,
    );
    document.getElementById(inputId)?.focus();
  };
  const type = (text: string) => {
    setQuery(text);
    setActive(-1);
    setOpen(text.trim() !== "");
  };
  const state = { open, expanded, matches, activeIndex };
  const setters = { setOpen, setActive, setQuery, add };
  return {
    selected,
    query,
    needle,
    open,
    matches,
    expanded,
    activeIndex,
    announcement,
    nameOf,
    add,
    remove,
    type,
    close: () => setOpen(false),
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => onKey(event, state, setters),
  };
}

type KeyState = {
  open: boolean;
  expanded: boolean;
  matches: PartnerChoice[];
  activeIndex: number;
};
type KeySetters = {
  setOpen: (open: boolean) => void;
  setActive: (index: number) => void;
  setQuery: (text: string) => void;
  add: (code: string) => void;
};

/** The combobox's keys: arrows move, Enter adds (never submits the form), Escape closes. */
function onKey(event: KeyboardEvent<HTMLInputElement>, s: KeyState, set: KeySetters) {
  if (event.key === "ArrowDown") {
    event.preventDefault();
    set.setOpen(true);
    set.setActive(Math.min(s.activeIndex + 1, s.matches.length - 1));
  } else if (event.key === "ArrowUp") {
    event.preventDefault();
    if (s.expanded) set.setActive(Math.max(s.activeIndex - 1, 0));
  } else if (event.key === "Enter") {
    event.preventDefault();
    // A highlighted option, or the only one left after filtering.
    const option = !s.expanded
      ? undefined
      : s.activeIndex >= 0
        ? s.matches[s.activeIndex]
        : s.matches.length === 1
          ? s.matches[0]
          : undefined;
    if (option) set.add(option.code);
  } else if (event.key === "Escape") {
    if (s.open) {
      event.preventDefault();
      set.setOpen(false);
    } else set.setQuery("");
  }
}

export type PartnerCombobox = ReturnType<typeof usePartnerCombobox>;
