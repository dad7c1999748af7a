import { DataTable } from "@/components/data-table";
import { instantToLondon } from "@/lib/editions/london-time";
import { lgaEditionBefore, type LgaEdition } from "@/lib/editions/lga";
import type { EditionWithFigures } from "@/lib/editions/queries";
import { formatPence } from "@/lib/money";
import { formatDateTime } from "@/lib/users/labels";
import { count, lgaPublished, money } from "./edition-figures";

const REGISTER_COLUMNS = [
  { label: "Edition" },
  { label: "As of" },
  { label: "Arrangements", numeric: true },
  { label: "Councils involved", numeric: true },
  { label: "Actual savings", numeric: true },
  { label: "Forecast savings", numeric: true },
  { label: "Total savings", numeric: true },
  { label: "LGA published then" },
];

/** The register's editions, each with the LGA's latest published figures at its date. */
export function RegisterEditionsTable({ editions }: { editions: EditionWithFigures[] }) {
  return (
    <DataTable
      id="ours"
      dense
      regionClassName="mt-4"
      testId="editions-table"
      caption="Each edition's figures, with the LGA's latest published figures at that date"
      columns={REGISTER_COLUMNS}
    >
      {editions.map((e) => {
        const theirs = lgaEditionBefore(instantToLondon(e.asOf).date);
        return (
          <tr key={e.id}>
            <th scope="row" className="font-semibold">
              {e.name}
              {e.description ? (
                <span className="mt-1 block font-normal whitespace-pre-line text-ink-muted">
                  {e.description}
                </span>
              ) : null}
            </th>
            <td className="whitespace-nowrap">{formatDateTime(e.asOf)}</td>
            <td className="num">{e.figures.arrangements.toLocaleString("en-GB")}</td>
            <td className="num">{e.figures.councilsInvolved.toLocaleString("en-GB")}</td>
            <td className="num">{formatPence(e.figures.actualPence)}</td>
            <td className="num">{formatPence(e.figures.forecastPence)}</td>
            <td className="num font-semibold">{formatPence(e.figures.totalPence)}</td>
            <td>
              {theirs
                ? `${theirs.edition}: ${count(theirs.arrangements)} arrangements, ${money(theirs.cumulativeSavingsPence, "short")}`
                : "None yet"}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

const LGA_COLUMNS = [
  { label: "Edition" },
  { label: "Published" },
  { label: "Arrangements", numeric: true },
  { label: "Councils sharing", numeric: true },
  { label: "Cumulative savings", numeric: true },
  { label: "Note" },
  { label: "Source" },
];

/** "300 (98%)", either part alone, or "Not published". */
function councilsSharing(e: LgaEdition): string {
  const parts = [
    e.councilsSharing !== null ? e.councilsSharing.toLocaleString("en-GB") : null,
    e.councilsSharingPercent !== null ? `(${e.councilsSharingPercent}%)` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" ") : "Not published";
}

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
    >
      {lga.map((e) => (
        <tr key={e.edition}>
          <th scope="row" className="font-semibold">
            {e.edition}
          </th>
          <td>{lgaPublished(e)}</td>
          <td className="num">{count(e.arrangements)}</td>
          <td className="num">{councilsSharing(e)}</td>
          <td className="num">
            {money(e.cumulativeSavingsPence)}
            {e.annualSavingsPence !== null ? (
              <span className="block text-ink-muted">
                {formatPence(e.annualSavingsPence)} in the year
              </span>
            ) : null}
          </td>
          <td>{e.note}</td>
          <td>{e.source}</td>
        </tr>
      ))}
    </DataTable>
  );
}
