import type { Key, ReactNode } from "react";
import { ScrollRegion } from "./scroll-region";

export type Column<T = never> = {
  label: ReactNode;
  /** Right-aligned, in the head as in the cells. */
  numeric?: boolean;
  /** Extra classes for the column's head (a width, say). */
  className?: string;
  /** The cell of a row, when the table renders its rows from `rows`. */
  cell?: (row: T) => ReactNode;
  /** Extra classes for the column's cells. */
  cellClassName?: string;
  /** This column's cell names its row (<th scope="row">). */
  rowHeader?: boolean;
};

function Row<T>({ row, columns }: { row: T; columns: Column<T>[] }) {
  return (
    <tr>
      {columns.map((column, i) => {
        const className = `${column.numeric ? "num" : ""} ${column.cellClassName ?? ""}`.trim();
        return column.rowHeader ? (
          <th key={i} scope="row" className={className || undefined}>
            {column.cell?.(row)}
          </th>
        ) : (
          <td key={i} className={className || undefined}>
            {column.cell?.(row)}
          </td>
        );
      })}
    </tr>
  );
}

type DataTableProps<T> = {
  /** Makes the caption's id (`<id>-caption`), which names the scrolling region. */
  id: string;
  caption: ReactNode;
  captionClassName?: string;
  columns: Column<T>[];
  rows?: readonly T[];
  rowKey?: (row: T) => Key;
  /** The body's rows, when not made from `rows`. */
  children?: ReactNode;
  /** The footer's rows (totals). */
  footer?: ReactNode;
  /** Smaller text and closer columns, for figures. */
  dense?: boolean;
  className?: string;
  regionClassName?: string;
  /** Names the region instead of the caption (where a heading nearby has the same words). */
  regionLabel?: string;
  testId?: string;
};

/**
 * A table of records: caption, column heads with scope, and the rows, in a ScrollRegion so a
 * wide table scrolls by itself (named by its caption, or by `regionLabel`). Give `rows` and a
 * `cell` for each column, or render the body's rows as `children` where a row needs more.
 * Cell spacing, rules and alignment come from the `.data-table` styles (app/globals.css), so a
 * row carries only what is particular to it: `<th scope="row">`, `className="num"` for numbers.
 */
export function DataTable<T>({
  id,
  caption,
  captionClassName = "mb-2 text-left font-semibold",
  columns,
  rows,
  rowKey,
  children,
  footer,
  dense = false,
  className = "",
  regionClassName = "",
  regionLabel,
  testId,
}: DataTableProps<T>) {
  const captionId = `${id}-caption`;
  return (
    <ScrollRegion
      labelledBy={regionLabel ? undefined : captionId}
      label={regionLabel}
      className={regionClassName}
    >
      <table
        className={`data-table ${dense ? "data-table-dense" : ""} ${className}`}
        data-testid={testId}
      >
        <caption id={captionId} className={captionClassName}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th
                key={i}
                scope="col"
                className={`${column.numeric ? "num" : ""} ${column.className ?? ""}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows?.map((row, i) => (
            <Row key={rowKey ? rowKey(row) : i} row={row} columns={columns} />
          ))}
          {children}
        </tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </ScrollRegion>
  );
}
