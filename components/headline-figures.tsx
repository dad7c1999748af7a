import type { ReactNode } from "react";

export type HeadlineFigure = {
  label: string;
  value: ReactNode;
  /** What the figure counts, under it. */
  detail: ReactNode;
  testId: string;
};

/** A page's few big numbers, each with what it counts (the national picture, a council). */
export function HeadlineFigures({ figures }: { figures: HeadlineFigure[] }) {
  return (
    <dl className="mt-4 grid gap-4 md:grid-cols-3">
      {figures.map((figure) => (
        <div
          key={figure.testId}
          className="border-t-4 border-brand bg-surface p-5"
          data-testid={figure.testId}
        >
          <dt className="font-semibold">{figure.label}</dt>
          <dd className="mt-1 text-4xl font-bold text-brand">{figure.value}</dd>
          <dd className="mt-2 text-ink-muted">{figure.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
