import { Fragment, useId, type ReactNode } from "react";

/*
 * The frame every chart is drawn in. Charts are plain SVG rendered on the server, so they are in
 * the page's HTML: drawn before any script runs, and without JavaScript at all. Each chart is drawn
 * once per layout below, each SVG with a fixed viewBox that scales to the frame's width; a
 * container query (globals.css, .chart-frame) shows the one drawn for the frame's width. So a
 * label keeps about its size from a phone to a wide screen, and each layout decides for itself
 * which labels fit (thinned or shortened year labels on a phone) — nothing is measured in the
 * browser, and nothing moves when the page's scripts arrive.
 *
 * The whole chart is one image to assistive technology, named by `summary`; its figures are in
 * the table beside it. Each bar or point carries a native tooltip (an SVG <title>) for pointer
 * users; nothing in the chart takes focus.
 */

export type ChartLayout = { name: "narrow" | "medium" | "wide"; width: number };

/** The widths the charts are drawn at; globals.css switches between them at 450 and 760 px. */
export const CHART_LAYOUTS: readonly ChartLayout[] = [
  { name: "narrow", width: 340 },
  { name: "medium", width: 580 },
  { name: "wide", width: 940 },
];

/** An id for SVG defs (patterns) unique on the page, usable inside url(#…). */
export function useSvgId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
}

export function ChartFrame({
  chart,
  summary,
  legend,
  maxWidth,
  children,
}: {
  /** Names the chart for tests and styles: "savings-by-year", … */
  chart: string;
  summary: string;
  legend?: ReactNode;
  /** Caps the chart's width (a few bars need no more). */
  maxWidth?: number;
  /** The chart drawn for each layout, as ChartSvg. */
  children: (layout: ChartLayout) => ReactNode;
}) {
  return (
    <div role="img" aria-label={summary} className="w-full" data-chart={chart}>
      {legend}
      <div className="chart-frame" style={maxWidth ? { maxWidth } : undefined}>
        {CHART_LAYOUTS.map((layout) => (
          <Fragment key={layout.name}>{children(layout)}</Fragment>
        ))}
      </div>
    </div>
  );
}

/** One layout's drawing. Hidden from assistive technology: the frame names the chart. */
export function ChartSvg({
  layout,
  height,
  children,
}: {
  layout: ChartLayout;
  height: number;
  children: ReactNode;
}) {
  return (
    <svg
      viewBox={`0 0 ${layout.width} ${Math.ceil(height)}`}
      data-layout={layout.name}
      aria-hidden="true"
      focusable="false"
      fontSize={13}
    >
      {children}
    </svg>
  );
}
