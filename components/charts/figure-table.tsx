import Link from "next/link";
import { cellText, type Cell, type Column, type FigureTable } from "@/lib/stats/tables";

/*
 * A chart's figures as a real table, rendered on the server: caption, column headers and row
 * headers with scope, exact amounts. Its CSV download is written from the same model
 * (lib/stats/tables.ts), so the two always agree. Not a client component.
 */

const NUMERIC = new Set<Column["kind"]>(["count", "money"]);

function CellContent({ column, value }: { column: Column; value: Cell }) {
  if (value === null) return <span className="sr-only">Not applicable</span>;
  if (column.kind === "link" && typeof value === "object") {
    return <Link href={value.href}>{value.text}</Link>;
  }
  return <>{cellText(column, value)}</>;
}

export function FigureTableView({
  table,
  captionSuffix,
  rowHeader = 0,
}: {
  table: FigureTable;
  /** Added to the caption, e.g. the filters in force. */
  captionSuffix?: string;
  /** Which column heads each row (the first, unless the first is a rank). */
  rowHeader?: number;
}) {
  const captionId = `${table.chart}-caption`;
  const align = (column: Column) => (NUMERIC.has(column.kind) ? "text-right" : "text-left");
  const last = table.columns.length - 1;
  const pad = (i: number) => (i === last ? "py-2" : "py-2 pr-3");

  return (
    // Focusable so keyboard users can scroll the table when it is wider than the screen;
    // relative so the visually hidden cell text stays inside the scrolling box. On paper the
    // table is printed whole.
    <div
      className="relative min-w-0 overflow-x-auto print:overflow-visible"
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <table className="w-full border-collapse text-sm" data-testid={`${table.chart}-table`}>
        <caption id={captionId} className="mb-2 text-left font-semibold">
          {table.caption}
          {captionSuffix ? `: ${captionSuffix}` : null}
        </caption>
        <thead>
          <tr className="border-b-2 border-rule-strong">
            {table.columns.map((column, i) => (
              <th
                key={column.csv}
                scope="col"
                className={`${pad(i)} ${align(column)} align-bottom`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} className="border-b border-rule">
              {row.map((value, i) => {
                const column = table.columns[i]!;
                const className = `${pad(i)} ${align(column)} align-top`;
                return i === rowHeader ? (
                  <th key={column.csv} scope="row" className={`${className} font-normal`}>
                    <CellContent column={column} value={value} />
                  </th>
                ) : (
                  <td key={column.csv} className={className}>
                    <CellContent column={column} value={value} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {table.footer ? (
          <tfoot>
            <tr className="border-t-2 border-rule-strong font-bold">
              <th scope="row" className={`${pad(0)} text-left`}>
                {table.footer.label}
              </th>
              {table.footer.cells.map((value, i) => {
                const column = table.columns[i + 1]!;
                return (
                  <td key={column.csv} className={`${pad(i + 1)} ${align(column)}`}>
                    <CellContent column={column} value={value} />
                  </td>
                );
              })}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
