import { DataTable, type Column } from "@/components/data-table";
import { PREVIEW_ROWS, type ImportPreviewRow, type ImportState } from "./state";
import { Pending, SubmitButton } from "./submit-button";

type Problem = { rowNumber: number; column: string; message: string };

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

/** Rows that failed when checked again at import time: nothing was saved. */
function ImportFailure({ message, problems }: { message: string; problems: Problem[] }) {
  return (
    <div role="alert" className="mb-6 border-4 border-error p-4">
      <h2 className="mt-0 text-xl font-bold">There is a problem</h2>
      <p className="font-semibold text-error">{message}</p>
      {problems.length ? (
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              Row {p.rowNumber}, {p.column}: {p.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const PROBLEM_COLUMNS: Column<Problem>[] = [
  { label: "Row", cell: (p) => p.rowNumber },
  { label: "Column", cellClassName: "font-mono", cell: (p) => p.column || "(whole row)" },
  { label: "Problem", cellClassName: "text-error", cell: (p) => p.message },
];

function ProblemsTable({ problems }: { problems: Problem[] }) {
  return (
    <>
      <h3 className="mt-6 text-xl font-bold">Rows with problems (not imported)</h3>
      <DataTable
        id="import-problems"
        caption="Rows with problems, by row and column"
        captionClassName="sr-only"
        regionLabel="Table: rows with problems"
        regionClassName="mt-2"
        columns={PROBLEM_COLUMNS}
        rows={problems}
      />
      <p className="mt-2 text-ink-muted">
        To import these rows too, fix them in your spreadsheet and upload it again.
      </p>
    </>
  );
}

const ROW_COLUMNS: Column<ImportPreviewRow>[] = [
  { label: "Row", cell: (r) => r.rowNumber },
  { label: "Title", cell: (r) => r.title || <em>(no title)</em> },
  { label: "Category", cell: (r) => r.mainCategory },
  { label: "Partners", cell: (r) => r.partners.join(", ") },
  { label: "Savings years", cell: (r) => r.savingsYears },
  {
    label: "Status",
    cell: (r) =>
      r.errors.length ? (
        <span className="font-semibold text-error">
          {plural(r.errors.length, "problem", "problems")}
        </span>
      ) : (
        "Ready"
      ),
  },
];

function RowsTable({ rows, rowCount }: { rows: ImportPreviewRow[]; rowCount: number }) {
  return (
    <>
      <h3 className="mt-6 text-xl font-bold">
        {rowCount > PREVIEW_ROWS ? `The first ${PREVIEW_ROWS} rows` : "Every row"}
      </h3>
      {rowCount > PREVIEW_ROWS ? (
        <p className="mt-1 text-ink-muted">
          The file has {rowCount.toLocaleString("en-GB")} rows; every row with a problem is listed
          above.
        </p>
      ) : null}
      <DataTable
        id="import-rows"
        caption="Rows in the file"
        captionClassName="sr-only"
        regionLabel="Table: rows in the file"
        regionClassName="mt-2"
        columns={ROW_COLUMNS}
        rows={rows.slice(0, PREVIEW_ROWS)}
        rowKey={(r) => r.rowNumber}
      />
    </>
  );
}

type Unmatched = NonNullable<ImportState["unmatched"]>[number];

/** One choice per partner name not found: a suggestion, or none (those rows are left out). */
function PartnerChoices({ unmatched }: { unmatched: Unmatched[] }) {
  return (
    <section aria-labelledby="partner-choices-heading" className="mt-6 w-full">
      <h3 id="partner-choices-heading" className="text-xl font-bold">
        Partners not recognised
      </h3>
      <p className="mt-1">
        Choose the organisation each name means. Rows whose every partner is then recognised are
        imported too; rows left with “None of these” are not.
      </p>
      {unmatched.map((u, i) => (
        <div key={u.key} className="mt-4">
          <input type="hidden" name="matchKey" value={u.key} />
          <label htmlFor={`match-${i}`} className="block font-semibold">
            “{u.entry}” ({u.rows.length === 1 ? "row" : "rows"} {u.rows.join(", ")}): did you mean
          </label>
          <select id={`match-${i}`} name="matchCode" defaultValue="" className="mt-1 max-w-full">
            <option value="">
              None of these: leave {u.rows.length === 1 ? "the row" : "these rows"} out
            </option>
            {u.options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
    </section>
  );
}

function importLabel(valid: number, matching: boolean): string {
  const rows = `${valid.toLocaleString("en-GB")} valid ${valid === 1 ? "row" : "rows"}`;
  if (!matching) return `Import ${rows} as drafts`;
  return valid > 0
    ? `Import ${rows} and the rows you match as drafts`
    : "Import the rows you match as drafts";
}

/** Import the valid rows as drafts, or leave: nothing has been written yet. */
function ImportConfirm({
  token,
  valid,
  unmatched,
  matchable,
  action,
}: {
  token: string;
  valid: number;
  unmatched: Unmatched[];
  matchable: number;
  action: (formData: FormData) => void;
}) {
  const matching = unmatched.length > 0 && matchable > 0;
  return (
    <form action={action} className="mt-6 flex flex-wrap items-center gap-4">
      <input type="hidden" name="step" value="import" />
      <input type="hidden" name="token" value={token} />
      {unmatched.length ? <PartnerChoices unmatched={unmatched} /> : null}
      {valid > 0 || matching ? (
        <SubmitButton
          label={importLabel(valid, matching)}
          pendingLabel={
            matching ? "Importing…" : `Importing ${valid} ${valid === 1 ? "row" : "rows"}…`
          }
        />
      ) : (
        <p className="font-semibold">No rows can be imported yet.</p>
      )}
      {/* Cancel only leaves: the preview lives in this page and nothing has been written. */}
      <a href="/workspace/import" className="button button-secondary">
        Cancel
      </a>
      <Pending text="Saving the drafts in one go: nothing is saved unless every row is." />
    </form>
  );
}

/** The checked file: every problem by row and column, the first rows, and the import button. */
export function ImportPreview({
  state,
  action,
}: {
  state: ImportState;
  action: (formData: FormData) => void;
}) {
  const rows = state.rows ?? [];
  const rowCount = state.rowCount ?? rows.length;
  const problems = rows.flatMap((r) => r.errors.map((e) => ({ rowNumber: r.rowNumber, ...e })));
  return (
    <section className="mt-6" aria-labelledby="preview-heading">
      {state.message ? (
        <ImportFailure message={state.message} problems={state.importErrors ?? []} />
      ) : null}
      <h2 id="preview-heading" className="text-2xl font-bold">
        Check your file: {state.fileName}
      </h2>
      <p className="mt-2" role="status">
        {plural(rowCount, "row", "rows")} read: {(state.validCount ?? 0).toLocaleString("en-GB")}{" "}
        ready to import, {(state.errorCount ?? 0).toLocaleString("en-GB")} with problems.
      </p>
      {problems.length ? <ProblemsTable problems={problems} /> : null}
      <RowsTable rows={rows} rowCount={rowCount} />
      <ImportConfirm
        token={state.token ?? ""}
        valid={state.validCount ?? 0}
        unmatched={state.unmatched ?? []}
        matchable={state.matchableCount ?? 0}
        action={action}
      />
    </section>
  );
}
