import { Fragment, type ReactNode } from "react";
import { DataTable } from "@/components/data-table";
import { financialYearLabel } from "@/lib/financial-year";
import { formatPence } from "@/lib/money";
import type { FieldName, RevisionDiff, SavingsRow } from "@/lib/review/diff";
import { wordDiff, type WordPart } from "@/lib/review/word-diff";

/*
 * The tables of a revision diff (revision-diff.tsx). Changes are marked with words ("Changed",
 * "Added", "Removed") as well as a tinted background and a thick edge, so colour is never the
 * only cue.
 */

export const CHANGED_ROW = "border-l-8 border-notice bg-notice-bg";

const STATUS_TEXT: Record<SavingsRow["status"], string> = {
  added: "Added",
  removed: "Removed",
  changed: "Changed",
  unchanged: "No change",
};

function Value({ text, empty = "Not given" }: { text: string | null; empty?: string }) {
  return text === null ? (
    <span className="text-ink-muted italic">{empty}</span>
  ) : (
    <span className="whitespace-pre-line wrap-anywhere">{text}</span>
  );
}

function signed(pence: bigint): string {
  if (pence === 0n) return "No change";
  return pence > 0n ? `+${formatPence(pence)}` : `−${formatPence(-pence)}`;
}

function Amount({ value }: { value: SavingsRow["before"] }) {
  if (!value) return <span className="text-ink-muted italic">None</span>;
  return (
    <>
      {formatPence(value.amountPence)} <span className="text-ink-muted">({value.kind})</span>
    </>
  );
}

type Labels = { beforeLabel: string; afterLabel: string; idPrefix: string };

/** Fields of free text, compared word by word; the rest (lists, dates, choices) whole. */
const WORD_FIELDS: ReadonlySet<FieldName> = new Set([
  "title",
  "description",
  "noSavingsReason",
  "contactName",
]);

/*
 * Text put in is underlined and text taken out struck through, each on a tint and announced by
 * visually hidden words, so neither colour nor the styling of <ins>/<del> alone carries it.
 */
function Added({ children }: { children: ReactNode }) {
  return (
    <ins className="bg-added-bg font-semibold underline decoration-2 underline-offset-2">
      <span className="sr-only">[added: </span>
      {children}
      <span className="sr-only">]</span>
    </ins>
  );
}

function Removed({ children }: { children: ReactNode }) {
  return (
    <del className="bg-removed-bg line-through decoration-2">
      <span className="sr-only">[removed: </span>
      {children}
      <span className="sr-only">]</span>
    </del>
  );
}

function Parts({ parts }: { parts: WordPart[] }) {
  return (
    <span className="whitespace-pre-line wrap-anywhere">
      {parts.map((part, i) =>
        part.change === "added" ? (
          <Added key={i}>{part.text}</Added>
        ) : part.change === "removed" ? (
          <Removed key={i}>{part.text}</Removed>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </span>
  );
}

/** A changed field's two cells: word by word for free text, else each value marked whole. */
function changedCells(row: RevisionDiff["fields"][number]): [ReactNode, ReactNode] {
  const words =
    WORD_FIELDS.has(row.field) && row.before !== null && row.after !== null
      ? wordDiff(row.before, row.after)
      : null;
  if (words) return [<Parts key="b" parts={words.before} />, <Parts key="a" parts={words.after} />];
  return [
    row.before === null ? (
      <Value text={null} />
    ) : (
      <Removed>
        <Value text={row.before} />
      </Removed>
    ),
    row.after === null ? (
      <Value text={null} />
    ) : (
      <Added>
        <Value text={row.after} />
      </Added>
    ),
  ];
}

function FieldRow({ row, isNew }: { row: RevisionDiff["fields"][number]; isNew: boolean }) {
  const marked = row.changed && !isNew;
  const [before, after] = marked
    ? changedCells(row)
    : [<Value key="b" text={row.before} />, <Value key="a" text={row.after} />];
  return (
    <tr
      className={marked ? CHANGED_ROW : undefined}
      data-changed={row.changed ? "true" : undefined}
      data-field={row.field}
    >
      <th scope="row" className="pl-2 font-semibold">
        {row.label}
        {marked ? <span className="mt-1 block text-sm font-bold text-notice">Changed</span> : null}
      </th>
      {isNew ? null : <td>{before}</td>}
      <td>{after}</td>
    </tr>
  );
}

/** Every field, before and after (after only, for a new arrangement). */
export function FieldsTable({
  diff,
  beforeLabel,
  afterLabel,
  idPrefix,
}: { diff: RevisionDiff } & Labels) {
  const columns = [
    { label: "Field" },
    ...(diff.isNew ? [] : [{ label: beforeLabel, className: "w-2/5" }]),
    { label: afterLabel, className: "w-2/5" },
  ];
  return (
    <DataTable
      id={`${idPrefix}-fields`}
      captionClassName="mb-2 text-left text-xl font-bold"
      caption="Details, field by field"
      columns={columns}
    >
      {diff.fields.map((row) => (
        <FieldRow key={row.field} row={row} isNew={diff.isNew} />
      ))}
    </DataTable>
  );
}

function SavingsDiffRow({ row, isNew }: { row: SavingsRow; isNew: boolean }) {
  const changed = row.status !== "unchanged";
  return (
    <tr className={changed && !isNew ? CHANGED_ROW : undefined}>
      <th scope="row" className="pl-2">
        {financialYearLabel(row.financialYear)}
      </th>
      {isNew ? null : (
        <td className="num">
          <Amount value={row.before} />
        </td>
      )}
      <td className="num">
        <Amount value={row.after} />
      </td>
      {isNew ? null : (
        <>
          <td className="num">{signed(row.changePence)}</td>
          <td className={changed ? "font-bold text-notice" : undefined}>
            {STATUS_TEXT[row.status]}
          </td>
        </>
      )}
    </tr>
  );
}

function SavingsTotal({ diff }: { diff: RevisionDiff }) {
  return (
    <tr>
      <th scope="row" className="pl-2">
        Total
      </th>
      {diff.isNew ? null : <td className="num">{formatPence(diff.savings.beforeTotalPence)}</td>}
      <td className="num">{formatPence(diff.savings.afterTotalPence)}</td>
      {diff.isNew ? null : (
        <>
          <td className="num" data-testid="net-change">
            {signed(diff.savings.netChangePence)}
          </td>
          <td>Net change</td>
        </>
      )}
    </tr>
  );
}

/** Savings year by year, before and after, with each row's change and the net change. */
export function SavingsDiffTable({
  diff,
  beforeLabel,
  afterLabel,
  idPrefix,
}: { diff: RevisionDiff } & Labels) {
  const columns = diff.isNew
    ? [{ label: "Financial year" }, { label: afterLabel, numeric: true }]
    : [
        { label: "Financial year" },
        { label: beforeLabel, numeric: true },
        { label: afterLabel, numeric: true },
        { label: "Change", numeric: true },
        { label: "What changed" },
      ];
  return (
    <DataTable
      id={`${idPrefix}-savings`}
      className="max-w-4xl"
      captionClassName="mb-2 text-left text-xl font-bold"
      caption="Savings by financial year"
      columns={columns}
      footer={<SavingsTotal diff={diff} />}
    >
      {diff.savings.rows.length === 0 ? (
        <tr>
          <td colSpan={columns.length}>No savings figures.</td>
        </tr>
      ) : (
        diff.savings.rows.map((row) => (
          <SavingsDiffRow key={row.financialYear} row={row} isNew={diff.isNew} />
        ))
      )}
    </DataTable>
  );
}
