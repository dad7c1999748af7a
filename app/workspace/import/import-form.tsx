"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { useFormStatus } from "react-dom";
import { ErrorSummary, fieldId } from "@/components/forms/error-summary";
import { SuccessPanel } from "@/components/forms/success-panel";
import { ScrollRegion } from "@/components/scroll-region";
import { importAction } from "./actions";
import { PREVIEW_ROWS, type ImportState } from "./state";

const MAX_BYTES = 5 * 1024 * 1024;

function SubmitButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : label}
    </button>
  );
}

function Pending({ text }: { text: string }) {
  const { pending } = useFormStatus();
  return (
    <p role="status" aria-live="polite" className="mt-2 text-ink-muted">
      {pending ? text : ""}
    </p>
  );
}

export function ImportForm() {
  const [state, action] = useActionState(importAction, {} as ImportState);
  const s = state as ImportState;
  const [tooBig, setTooBig] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);

  if (s.step === "done")
    return (
      <div className="mt-6">
        <SuccessPanel title={s.message ?? "Imported"}>
          <p>Check each draft and submit it for review from your workspace.</p>
        </SuccessPanel>
        <p className="mt-4">
          <Link href="/workspace">Go to your workspace</Link> or{" "}
          <a href="/workspace/import">import another file</a>.
        </p>
      </div>
    );

  if (s.step === "preview" && s.rows) return <Preview state={s} action={action} />;

  const fileError = tooBig ?? s.errors?.file;
  return (
    <form
      action={action}
      noValidate
      className="mt-6"
      onSubmit={(e) => {
        // A file known to be too big is not sent: the message is already on screen.
        if (tooBig) e.preventDefault();
      }}
    >
      <ErrorSummary
        errors={fileError ? { file: fileError } : undefined}
        message={s.message}
        fieldOrder={["file"]}
      />
      <input type="hidden" name="step" value="preview" />
      <div className={`mb-6 ${fileError ? "border-l-4 border-error pl-4" : ""}`}>
        <label htmlFor={fieldId("file")} className="block font-semibold">
          Upload a CSV file
        </label>
        <p id={`${fieldId("file")}-hint`} className="mt-1 text-ink-muted">
          5 MB or smaller, saved as “CSV UTF-8 (Comma delimited)”.
        </p>
        {fileError ? (
          <p id={`${fieldId("file")}-error`} className="mt-1 font-semibold text-error">
            <span className="sr-only">Error: </span>
            {fileError}
          </p>
        ) : null}
        <input
          id={fieldId("file")}
          name="file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${fieldId("file")}-hint${fileError ? ` ${fieldId("file")}-error` : ""}`}
          className="mt-2 block max-w-full"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            setChosen(file ? `${file.name}, ${(file.size / 1024).toFixed(0)} KB` : null);
            setTooBig(
              file && file.size > MAX_BYTES
                ? `The file must be 5 MB or smaller. This one is ${(file.size / (1024 * 1024)).toFixed(1)} MB: split it into smaller files.`
                : null,
            );
          }}
        />
        {chosen ? <p className="mt-1 text-ink-muted">Selected: {chosen}</p> : null}
      </div>
      <SubmitButton label="Upload and check" pendingLabel="Checking the file…" />
      <Pending text="Reading and checking every row. A large file can take a minute; please keep this page open." />
    </form>
  );
}

function Preview({ state, action }: { state: ImportState; action: (f: FormData) => void }) {
  const rows = state.rows ?? [];
  const rowCount = state.rowCount ?? rows.length;
  const firstRows = rows.slice(0, PREVIEW_ROWS);
  const valid = state.validCount ?? 0;
  const invalid = state.errorCount ?? 0;
  const problems = rows.flatMap((r) => r.errors.map((e) => ({ rowNumber: r.rowNumber, ...e })));
  const laterProblems = state.importErrors ?? [];
  return (
    <section className="mt-6" aria-labelledby="preview-heading">
      {state.message ? (
        <div role="alert" className="mb-6 border-4 border-error p-4">
          <h2 className="mt-0 text-xl font-bold">There is a problem</h2>
          <p className="font-semibold text-error">{state.message}</p>
          {laterProblems.length ? (
            <ul>
              {laterProblems.map((p, i) => (
                <li key={i}>
                  Row {p.rowNumber}, {p.column}: {p.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <h2 id="preview-heading" className="text-2xl font-bold">
        Check your file: {state.fileName}
      </h2>
      <p className="mt-2" role="status">
        {rowCount.toLocaleString("en-GB")} {rowCount === 1 ? "row" : "rows"} read:{" "}
        {valid.toLocaleString("en-GB")} ready to import, {invalid.toLocaleString("en-GB")} with
        problems.
      </p>

      {problems.length ? (
        <>
          <h3 className="mt-6 text-xl font-bold">Rows with problems (not imported)</h3>
          <ScrollRegion label="Table: rows with problems" className="mt-2">
            <table className="w-full text-left">
              <caption className="sr-only">Rows with problems, by row and column</caption>
              <thead>
                <tr>
                  <th scope="col" className="pr-4">
                    Row
                  </th>
                  <th scope="col" className="pr-4">
                    Column
                  </th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p, i) => (
                  <tr key={i} className="border-t align-top">
                    <td className="py-1 pr-4">{p.rowNumber}</td>
                    <td className="py-1 pr-4 font-mono">{p.column || "(whole row)"}</td>
                    <td className="py-1 text-error">{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="mt-2 text-ink-muted">
            To import these rows too, fix them in your spreadsheet and upload it again.
          </p>
        </>
      ) : null}

      <h3 className="mt-6 text-xl font-bold">
        {rowCount > PREVIEW_ROWS ? `The first ${PREVIEW_ROWS} rows` : "Every row"}
      </h3>
      {rowCount > PREVIEW_ROWS ? (
        <p className="mt-1 text-ink-muted">
          The file has {rowCount.toLocaleString("en-GB")} rows; every row with a problem is listed
          above.
        </p>
      ) : null}
      <ScrollRegion label="Table: rows in the file" className="mt-2">
        <table className="w-full text-left">
          <caption className="sr-only">Rows in the file</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-4">
                Row
              </th>
              <th scope="col" className="pr-4">
                Title
              </th>
              <th scope="col" className="pr-4">
                Category
              </th>
              <th scope="col" className="pr-4">
                Partners
              </th>
              <th scope="col" className="pr-4">
                Savings years
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {firstRows.map((r) => (
              <tr key={r.rowNumber} className="border-t align-top">
                <td className="py-1 pr-4">{r.rowNumber}</td>
                <td className="py-1 pr-4">{r.title || <em>(no title)</em>}</td>
                <td className="py-1 pr-4">{r.mainCategory}</td>
                <td className="py-1 pr-4">{r.partners.join(", ")}</td>
                <td className="py-1 pr-4">{r.savingsYears}</td>
                <td className="py-1">
                  {r.errors.length ? (
                    <span className="font-semibold text-error">
                      {r.errors.length} {r.errors.length === 1 ? "problem" : "problems"}
                    </span>
                  ) : (
                    "Ready"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <form action={action} className="mt-6 flex flex-wrap items-center gap-4">
        <input type="hidden" name="step" value="import" />
        <input type="hidden" name="token" value={state.token ?? ""} />
        {valid > 0 ? (
          <SubmitButton
            label={`Import ${valid} valid ${valid === 1 ? "row" : "rows"} as drafts`}
            pendingLabel={`Importing ${valid} ${valid === 1 ? "row" : "rows"}…`}
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
    </section>
  );
}
