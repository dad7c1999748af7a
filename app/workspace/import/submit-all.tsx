"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SuccessPanel } from "@/components/forms/success-panel";
import { DeclarationField } from "../declaration-field";
import { submitAllAction } from "./actions";
import type { SubmitAllState } from "./state";
import { Pending, SubmitButton } from "./submit-button";

function count(n: number): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? "arrangement" : "arrangements"}`;
}

/** What happened: how many went to review, and each one refused with its problems. */
function Outcome({ state }: { state: SubmitAllState }) {
  const submitted = state.submitted ?? [];
  const refused = state.refused ?? [];
  return (
    <>
      {submitted.length ? (
        <SuccessPanel title={`${count(submitted.length)} submitted for review`}>
          <p>An administrator will check each one before it is published.</p>
        </SuccessPanel>
      ) : null}
      {refused.length ? (
        <div role="alert" className="mb-6 border-4 border-error p-4">
          <h2 className="mt-0 text-xl font-bold">{count(refused.length)} could not be submitted</h2>
          <p>They are still drafts: complete each one, then submit it from its page.</p>
          <ul>
            {refused.map((r) => (
              <li key={r.arrangementId}>
                <Link href={`/workspace/${r.arrangementId}/edit`}>{r.title || "(no title)"}</Link>:{" "}
                {r.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="mt-4">
        <Link href="/workspace">Go to your workspace</Link> or{" "}
        <a href="/workspace/import">import another file</a>.
      </p>
    </>
  );
}

/** After an import: submit every imported draft for review in one step. */
export function SubmitAll({ arrangementIds }: { arrangementIds: number[] }) {
  const [answer, action] = useActionState(submitAllAction, {} as SubmitAllState);
  const state = answer as SubmitAllState;
  if (state.submitted || state.refused) return <Outcome state={state} />;
  const n = arrangementIds.length;
  return (
    <form action={action} className="mt-6">
      <ErrorSummary message={state.message} errors={state.errors} fieldOrder={[]} />
      <h2 className="text-xl font-bold">Submit the imported drafts</h2>
      <p className="mt-2">
        Each one is submitted for review separately, as if you had pressed its own “Submit for
        review” button. One that is not complete stays a draft and is listed with its problems.
      </p>
      {arrangementIds.map((id) => (
        <input key={id} type="hidden" name="arrangementId" value={id} />
      ))}
      <div className="mt-4">
        <DeclarationField error={state.errors?.declaration} />
        <SubmitButton
          label={`Submit all ${n.toLocaleString("en-GB")} for review`}
          pendingLabel={`Submitting ${n.toLocaleString("en-GB")}…`}
        />
      </div>
      <Pending text="Submitting each draft in turn; please keep this page open." />
    </form>
  );
}
