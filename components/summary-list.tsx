import { Fragment, type ReactNode } from "react";

export type SummaryRow = {
  term: string;
  value: ReactNode;
  className?: string;
  testId?: string;
};

/**
 * A record's facts as a description list: term and value side by side on a wide screen,
 * stacked on a narrow one. Rows given as null or false (a fact that does not apply) are left out.
 */
export function SummaryList({
  rows,
  className = "mt-6",
  termWidth = "sm:grid-cols-[14rem_minmax(0,1fr)]",
  testId,
}: {
  rows: (SummaryRow | null | false)[];
  className?: string;
  /** The terms' column on a wide screen. */
  termWidth?: string;
  testId?: string;
}) {
  return (
    <dl
      className={`${className} grid grid-cols-1 gap-x-6 gap-y-2 border-t border-rule pt-4 ${termWidth}`}
      data-testid={testId}
    >
      {rows.map((row) =>
        row ? (
          <Fragment key={row.term}>
            <dt className="font-semibold">{row.term}</dt>
            <dd className={row.className} data-testid={row.testId}>
              {row.value}
            </dd>
          </Fragment>
        ) : null,
      )}
    </dl>
  );
}
