"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/*
 * The map's only JavaScript: a tooltip and a highlight for the area under the pointer or with
 * keyboard focus. The map itself is server-rendered SVG and works without this (each area is a
 * link whose accessible name already says what the tooltip says, so the tooltip is hidden from
 * assistive technology). Escape dismisses it (WCAG 1.4.13).
 */

type Active = { name: string; detail: string; d: string; x: number; y: number };

export function MapInteractions({
  children,
  width,
  height,
}: {
  children: ReactNode;
  /** The map's viewBox, so the highlight lies exactly over the area. */
  width: number;
  height: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Active | null>(null);

  useEffect(() => {
    const root = ref.current;
    if (!root) return;

    const areaOf = (target: EventTarget | null) =>
      target instanceof Element ? target.closest<SVGAElement>("a.ma") : null;

    const show = (area: SVGAElement, clientX?: number, clientY?: number) => {
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
      const label = area.getAttribute("aria-label") ?? "";
      const split = label.indexOf(": ");
      setActive({
        name: split === -1 ? label : label.slice(0, split),
        detail: split === -1 ? "" : label.slice(split + 2),
        d: area.querySelector("path")?.getAttribute("d") ?? "",
        x: Math.min(Math.max(x, 90), box.width - 90),
        y,
      });
    };
    const hide = () => setActive(null);

    const onPointer = (event: PointerEvent) => {
      if (event.pointerType === "touch") return;
      const area = areaOf(event.target);
      if (area) show(area, event.clientX, event.clientY);
      else hide();
    };
    const onFocusIn = (event: FocusEvent) => {
      const area = areaOf(event.target);
      if (area) show(area);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") hide();
    };

    root.addEventListener("pointermove", onPointer);
    root.addEventListener("pointerleave", hide);
    root.addEventListener("focusin", onFocusIn);
    root.addEventListener("focusout", hide);
    document.addEventListener("keydown", onKey);
    return () => {
      root.removeEventListener("pointermove", onPointer);
      root.removeEventListener("pointerleave", hide);
      root.removeEventListener("focusin", onFocusIn);
      root.removeEventListener("focusout", hide);
      document.removeEventListener("keydown", onKey);
    };
  }, []);

  return (
    <div ref={ref} className="relative">
      {children}
      {active ? (
        <>
          <svg
            viewBox={`0 0 ${width} ${height}`}
            className="pointer-events-none absolute inset-0 h-full w-full"
            aria-hidden="true"
            focusable="false"
          >
            <path
              d={active.d}
              fill="none"
              stroke="var(--color-focus)"
              strokeWidth={6}
              vectorEffect="non-scaling-stroke"
              strokeLinejoin="round"
            />
            <path
              d={active.d}
              fill="none"
              stroke="var(--color-focus-ink)"
              strokeWidth={2}
              vectorEffect="non-scaling-stroke"
              strokeLinejoin="round"
            />
          </svg>
          <div
            aria-hidden="true"
            data-testid="map-tooltip"
            className="ssm-map-tooltip pointer-events-none absolute z-10 w-max max-w-[16rem] -translate-x-1/2 -translate-y-full border-2 border-ink bg-paper px-3 py-2 text-sm shadow-md"
            style={{ left: active.x, top: active.y - 12 }}
          >
            <p className="font-bold">{active.name}</p>
            {active.detail ? <p>{active.detail}</p> : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
