import { DataTable, type Column } from "@/components/data-table";
import { instantToLondon } from "@/lib/editions/london-time";
import { lgaEditionBefore, type LgaEdition } from "@/lib/editions/lga";
import type { EditionWithFigures } from "@/lib/editions/queries";
import { formatWholePounds } from "@/lib/money";
import { count, lgaPublished, money } from "./edition-figures";
import { formatDateTime } from "@/lib/format/dates";

const REGISTER_COLUMNS: Column<EditionWithFigures>[] = [
  {
    label: "Edition",
    rowHeader: true,
    cellClassName: "font-semibold",
    cell: (e) => (
      <>
        {e.name}
        {e.description ? (
          <span className="mt-1 block font-normal whitespace-pre-line text-ink-muted">
            {e.description}
          </span>
        ) : null}
      </>
    ),
  },
  { label: "As of", cellClassName: "whitespace-nowrap", cell: (e) => formatDateTime(e.asOf) },
  {
    label: "Arrangements",
    numeric: true,
    cell: (e) => e.figures.arrangements.toLocaleString("en-GB"),
  },
  {
    label: "Councils involved",
    numeric: true,
    cell: (e) => e.figures.councilsInvolved.toLocaleString("en-GB"),
  },
  { label: "Actual savings", numeric: true, cell: (e) => formatWholePounds(e.figures.actualPence) },
  {
    label: "Forecast savings",
    numeric: true,
    cell: (e) => formatWholePounds(e.figures.forecastPence),
  },
  {
    label: "Total savings",
    numeric: true,
    cellClassName: "font-semibold",
    cell: (e) => formatWholePounds(e.figures.totalPence),
  },
  { label: "LGA published then", cell: (e) => lgaThen(e) },
];

/** The LGA's latest published figures on an edition's date. */
function lgaThen(e: EditionWithFigures): string {
  const theirs = lgaEditionBefore(instantToLondon(e.asOf).date);
  if (!theirs) return "None yet";
  return `${theirs.edition}: ${count(theirs.arrangements)} arrangements, ${money(theirs.cumulativeSavingsPence, "headline")}`;
}

/** The register's editions, each with the LGA's latest published figures at its date. */
export function RegisterEditionsTable({ editions }: { editions: EditionWithFigures[] }) {
  return (
    <DataTable
      id="ours"
      dense
      regionClassName="mt-4"
      testId="editions-table"
      caption="Each edition's figures, with the LGA's latest published figures at that date (amounts rounded to the nearest pound; each total from the exact sum)"
      columns={REGISTER_COLUMNS}
      rows={editions}
      rowKey={(e) => e.id}
    />
  );
}

/** "300 (98%)", either part alone, or "Not published". */
function councilsSharing(e: LgaEdition): string {
  const parts = [
    e.councilsSharing !== null ? e.councilsSharing.toLocaleString("en-GB") : null,
    e.councilsSharingPercent !== null ? `(${e.councilsSharingPercent}%)` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" ") : "Not published";
}

const LGA_COLUMNS: Column<LgaEdition>[] = [
  { label: "Edition", rowHeader: true, cellClassName: "font-semibold", cell: (e) => e.edition },
  { label: "Published", cell: lgaPublished },
  { label: "Arrangements", numeric: true, cell: (e) => count(e.arrangements) },
  { label: "Councils sharing", numeric: true, cell: councilsSharing },
  {
    label: "Cumulative savings",
    numeric: true,
    cell: (e) => (
      <>
        {money(e.cumulativeSavingsPence)}
        {e.annualSavingsPence !== null ? (
          <span className="block text-ink-muted">
            {formatWholePounds(e.annualSavingsPence)} in the year
          </span>
        ) : null}
      </>
    ),
  },
  { label: "Note", cell: (e) => e.note },
  { label: "Source", cell: (e) => e.source },
];

/** The LGA's headline figures for each edition of its map, with sources. */
export function LgaEditionsTable({ lga }: { lga: LgaEdition[] }) {
  return (
    <DataTable
      id="lga"
      dense
      regionClassName="mt-4"
      testId="lga-table"
      caption="The LGA shared services map's headline figures, with sources"
      columns={LGA_COLUMNS}
      rows={lga}
      rowKey={(e) => e.edition}
    />
  );
}
