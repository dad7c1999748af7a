"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { Field } from "@/components/forms/field";
import { SuccessPanel } from "@/components/forms/success-panel";
import { importAction } from "./actions";
import { ImportPreview } from "./import-preview";
import { SubmitAll } from "./submit-all";
import type { ImportState } from "./state";
import { Pending, SubmitButton } from "./submit-button";

const MAX_BYTES = 5 * 1024 * 1024;

function Done({ message, arrangementIds }: { message?: string; arrangementIds?: number[] }) {
  return (
    <div className="mt-6">
      <SuccessPanel title={message ?? "Imported"}>
        <p>Check the drafts in your workspace, or submit them all for review now.</p>
      </SuccessPanel>
      {arrangementIds?.length ? (
        <SubmitAll arrangementIds={arrangementIds} />
      ) : (
        <p className="mt-4">
          <Link href="/workspace">Go to your workspace</Link> or{" "}
          <a href="/workspace/import">import another file</a>.
        </p>
      )}
    </div>
  );
}

/** The file input; a file known to be too big is refused here, before it is sent. */
function FileField({
  error,
  onTooBig,
}: {
  error?: string;
  onTooBig: (message: string | null) => void;
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <Field
      name="file"
      label="Upload a spreadsheet"
      hint="An Excel workbook (.xlsx) or a CSV file saved as “CSV UTF-8 (Comma delimited)”; 5 MB or smaller."
      error={error}
    >
      {(control) => (
        <>
          <input
            {...control}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="mt-2 block max-w-full"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              setChosen(file ? `${file.name}, ${(file.size / 1024).toFixed(0)} KB` : null);
              onTooBig(
                file && file.size > MAX_BYTES
                  ? `The file must be 5 MB or smaller. This one is ${(file.size / (1024 * 1024)).toFixed(1)} MB: split it into smaller files.`
                  : null,
              );
            }}
          />
          {chosen ? <p className="mt-1 text-ink-muted">Selected: {chosen}</p> : null}
        </>
      )}
    </Field>
  );
}

export function ImportForm() {
  const [answer, action] = useActionState(importAction, {} as ImportState);
  const state = answer as ImportState;
  const [tooBig, setTooBig] = useState<string | null>(null);

  if (state.step === "done")
    return <Done message={state.message} arrangementIds={state.arrangementIds} />;
  if (state.step === "preview" && state.rows)
    return <ImportPreview state={state} action={action} />;

  const fileError = tooBig ?? state.errors?.file;
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
        message={state.message}
        fieldOrder={["file"]}
      />
      <input type="hidden" name="step" value="preview" />
      <FileField error={fileError} onTooBig={setTooBig} />
      <SubmitButton label="Upload and check" pendingLabel="Checking the file…" />
      <Pending text="Reading and checking every row. A large file can take a minute; please keep this page open." />
    </form>
  );
}
