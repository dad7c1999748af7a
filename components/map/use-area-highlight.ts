import { useEffect, useState, type RefObject } from "react";

/** The area under the pointer or with keyboard focus: its name, figures, shape and where. */
export type ActiveArea = { name: string; detail: string; d: string; x: number; y: number };

function areaOf(target: EventTarget | null): SVGAElement | null {
  return target instanceof Element ? target.closest<SVGAElement>("a.ma") : null;
}

/** Where the tooltip goes: at the pointer, or above the middle of a focused area. */
function describe(root: HTMLElement, area: SVGAElement, clientX?: number, clientY?: number) {
  const box = root.getBoundingClientRect();
  let x: number;
  let y: number;
  if (clientX === undefined || clientY === undefined) {
    const shape = area.getBoundingClientRect();
    x = shape.left + shape.width / 2 - box.left;
    y = shape.top - box.top;
  } else {
    x = clientX - box.left;
    y = clientY - box.top;
  }
  // The area's accessible name is "Name: figures"; the tooltip shows the same words.
  const label = area.getAttribute("aria-label") ?? "";
  const split = label.indexOf(": ");
  return {
    name: split === -1 ? label : label.slice(0, split),
    detail: split === -1 ? "" : label.slice(split + 2),
    d: area.querySelector("path")?.getAttribute("d") ?? "",
    x: Math.min(Math.max(x, 90), box.width - 90),
    y,
  };
}

/**
 * Follows the pointer and keyboard focus over the map's areas inside `ref`; Escape, leaving the
 * map or losing focus clears it (WCAG 1.4.13). Touch is left to the links themselves.
 */
export function useAreaHighlight(ref: RefObject<HTMLElement | null>): ActiveArea | null {
  const [active, setActive] = useState<ActiveArea | null>(null);

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const hide = () => setActive(null);
    const onPointer = (event: PointerEvent) => {
      if (event.pointerType === "touch") return;
      const area = areaOf(event.target);
      if (area) setActive(describe(root, area, event.clientX, event.clientY));
      else hide();
    };
    const onFocusIn = (event: FocusEvent) => {
      const area = areaOf(event.target);
      if (area) setActive(describe(root, area));
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") hide();
    };
    const listeners = [
      ["pointermove", onPointer],
      ["pointerleave", hide],
      ["focusin", onFocusIn],
      ["focusout", hide],
    ] as const;
    for (const [type, listener] of listeners)
      root.addEventListener(type, listener as EventListener);
    document.addEventListener("keydown", onKey);
    return () => {
      for (const [type, listener] of listeners)
        root.removeEventListener(type, listener as EventListener);
      document.removeEventListener("keydown", onKey);
    };
  }, [ref]);

  return active;
}
