"use client";

import dynamic from "next/dynamic";
import { useRef } from "react";
import { useNearViewport } from "@/components/charts/near-viewport";
import type { ArrangementSavingsDatum } from "@/components/charts/arrangement-savings-chart";

/** Keeps the chart's space while Recharts loads, so the page does not jump. */
function Placeholder() {
  return <div className="h-[290px] w-full bg-surface" aria-hidden="true" />;
}

// Recharts is loaded only by pages that draw a chart, after the page itself: the table beside
// the chart carries the same figures, so nothing waits for it.
const ArrangementSavingsChart = dynamic(
  () =>
    import("@/components/charts/arrangement-savings-chart").then((m) => m.ArrangementSavingsChart),
  { ssr: false, loading: Placeholder },
);

export function SavingsChartIsland(props: { data: ArrangementSavingsDatum[]; summary: string }) {
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box);
  return <div ref={box}>{near ? <ArrangementSavingsChart {...props} /> : <Placeholder />}</div>;
}
