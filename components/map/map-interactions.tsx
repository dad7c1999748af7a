"use client";

import { useRef, type ReactNode } from "react";
import type { Box } from "@/lib/councils/map-selection";
import { useAreaHighlight, type ActiveArea } from "./use-area-highlight";

/*
 * The map's only JavaScript: a tooltip and a highlight for the area under the pointer or with
 * keyboard focus. The map itself is server-rendered SVG and works without this (each area is a
 * link whose accessible name already says what the tooltip says, so the tooltip is hidden from
 * assistive technology). Escape dismisses it (WCAG 1.4.13).
 */

const OUTLINES = [
  { stroke: "var(--color-focus)", width: 6 },
  { stroke: "var(--color-focus-ink)", width: 2 },
];

/** The area's outline drawn again on top: a thick focus-coloured edge with a dark core. */
function Highlight({ d, box }: { d: string; box: Box }) {
  return (
    <svg
      viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
      className="pointer-events-none absolute inset-0 h-full w-full"
      aria-hidden="true"
      focusable="false"
    >
      {OUTLINES.map((outline) => (
        <path
          key={outline.stroke}
          d={d}
          fill="none"
          stroke={outline.stroke}
          strokeWidth={outline.width}
          vectorEffect="non-scaling-stroke"
          strokeLinejoin="round"
        />
      ))}
    </svg>
  );
}

function Tooltip({ active }: { active: ActiveArea }) {
  return (
    <div
      aria-hidden="true"
      data-testid="map-tooltip"
      className="ssm-map-tooltip pointer-events-none absolute z-10 w-max max-w-[16rem] -translate-x-1/2 -translate-y-full border-2 border-ink bg-paper px-3 py-2 text-sm shadow-md"
      style={{ left: active.x, top: active.y - 12 }}
    >
      <p className="font-bold">{active.name}</p>
      {active.detail ? <p>{active.detail}</p> : null}
    </div>
  );
}

export function MapInteractions({
  children,
  box,
}: {
  children: ReactNode;
  /** The map's viewBox, so the highlight lies exactly over the area. */
  box: Box;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const active = useAreaHighlight(ref);
  return (
    <div ref={ref} className="relative">
      {children}
      {active ? (
        <>
          <Highlight d={active.d} box={box} />
          <Tooltip active={active} />
        </>
      ) : null}
    </div>
  );
}
