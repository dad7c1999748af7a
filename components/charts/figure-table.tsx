import Link from "next/link";
import { DataTable, type Column as TableColumn } from "@/components/data-table";
import { cellText, type Cell, type Column, type FigureTable } from "@/lib/stats/tables";

/*
 * A chart's figures as a real table, rendered on the server: caption, column headers and row
 * headers with scope, amounts in whole pounds. Its CSV download is written from the same model
 * (lib/stats/tables.ts), so the two always agree. Not a client component.
 */

const NUMERIC = new Set<Column["kind"]>(["count", "money", "per-resident"]);

function CellContent({ column, value }: { column: Column; value: Cell }) {
  if (value === null) return <span className="sr-only">Not applicable</span>;
  if (column.kind === "link" && typeof value === "object") {
    return <Link href={value.href}>{value.text}</Link>;
  }
  return <>{cellText(column, value)}</>;
}

/** The model's total row, under the figures. */
function Footer({ table }: { table: FigureTable }) {
  if (!table.footer) return null;
  return (
    <tr>
      <th scope="row">{table.footer.label}</th>
      {table.footer.cells.map((value, i) => {
        const column = table.columns[i + 1]!;
        return (
          <td key={column.csv} className={NUMERIC.has(column.kind) ? "num" : undefined}>
            <CellContent column={column} value={value} />
          </td>
        );
      })}
    </tr>
  );
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
  const columns: TableColumn<Cell[]>[] = table.columns.map((column, i) => ({
    label: column.label,
    numeric: NUMERIC.has(column.kind),
    rowHeader: i === rowHeader,
    cell: (row) => <CellContent column={column} value={row[i] ?? null} />,
  }));
  return (
    <DataTable
      id={table.chart}
      dense
      regionClassName="min-w-0"
      testId={`${table.chart}-table`}
      caption={captionSuffix ? `${table.caption}: ${captionSuffix}` : table.caption}
      columns={columns}
      rows={table.rows}
      footer={table.footer ? <Footer table={table} /> : undefined}
    />
  );
}
