import { useState, type KeyboardEvent } from "react";
import type { PartnerChoice } from "./partner-picker";

/** At most this many matches are listed under the box. */
const MAX_SHOWN = 30;

function chosenText(count: number): string {
  return `${count} partner${count === 1 ? "" : "s"} chosen.`;
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
    setAnnouncement(`Added ${nameOf(code)}. ${chosenText(next.length)}`);
  };
  const remove = (code: string) => {
    const next = selected.filter((c) => c !== code);
    setSelected(next);
    setAnnouncement(`Removed ${nameOf(code)}. ${chosenText(next.length)}`);
    document.getElementById(inputId)?.focus();
  };
  const type = (text: string) => {
    setQuery(text);
    setActive(-1);
    setOpen(text.trim() !== "");
  };

  /** A highlighted option, or the only one left after filtering. */
  const chosenByEnter = () => {
    if (!expanded) return undefined;
    if (activeIndex >= 0) return matches[activeIndex];
    return matches.length === 1 ? matches[0] : undefined;
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
      const option = chosenByEnter();
      if (option) add(option.code);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
      } else setQuery("");
    }
  };

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
    onKeyDown,
  };
}

export type PartnerCombobox = ReturnType<typeof usePartnerCombobox>;
