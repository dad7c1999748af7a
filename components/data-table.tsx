import type { ReactNode } from "react";
import { ScrollRegion } from "./scroll-region";

export type Column = {
  label: ReactNode;
  /** Right-aligned, in the head as in the cells (give those cells className="num"). */
  numeric?: boolean;
  /** Extra classes for the column's head (a width, say). */
  className?: string;
};

/**
 * A table of records: caption, column heads with scope, and the rows the caller renders, in a
 * ScrollRegion so a wide table scrolls by itself (named by its caption, or by `regionLabel`).
 * Cell spacing, rules and alignment come from the `.data-table` styles (app/globals.css), so a
 * row carries only what is particular to it: `<th scope="row">`, `className="num"` for numbers.
 */
export function DataTable({
  id,
  caption,
  captionClassName = "mb-2 text-left font-semibold",
  columns,
  children,
  footer,
  dense = false,
  className = "",
  regionClassName = "",
  regionLabel,
  testId,
}: {
  /** Makes the caption's id (`<id>-caption`), which names the scrolling region. */
  id: string;
  caption: ReactNode;
  captionClassName?: string;
  columns: Column[];
  /** The body's rows. */
  children: ReactNode;
  /** The footer's rows (totals). */
  footer?: ReactNode;
  /** Smaller text and closer columns, for figures. */
  dense?: boolean;
  className?: string;
  regionClassName?: string;
  /** Names the region instead of the caption (where a heading nearby has the same words). */
  regionLabel?: string;
  testId?: string;
}) {
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
        <tbody>{children}</tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </ScrollRegion>
  );
}
