"use client";

import dynamic from "next/dynamic";
import { useRef, type ComponentProps } from "react";
import type { EditionsChart } from "./editions-chart";
import { useNearViewport } from "./near-viewport";

/** Caption, legend and plot: the space the chart takes once drawn, kept while it loads. */
const HEIGHT = 410;

function Placeholder() {
  return <div style={{ height: HEIGHT }} className="bg-surface" data-chart-placeholder="" />;
}

// Recharts loads after the page, only when the chart is near the screen (lazy-charts.tsx).
const LazyEditionsChart = dynamic(() => import("./editions-chart").then((m) => m.EditionsChart), {
  ssr: false,
  loading: Placeholder,
});

export function EditionsFigure(props: ComponentProps<typeof EditionsChart>) {
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box);
  return (
    <div ref={box} style={{ minHeight: HEIGHT }} data-chart-box="editions">
      {near ? <LazyEditionsChart {...props} /> : <Placeholder />}
    </div>
  );
}
