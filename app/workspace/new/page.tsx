import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { editorOrganisation } from "@/lib/arrangements/queries";
import { EMPTY_FORM_VALUES } from "@/lib/arrangements/schema";
import { requireUser } from "@/lib/auth/access";
import { partnerChoices, currentSavingsYear } from "@/lib/workspace/form-options";
import { organisationById } from "@/lib/workspace/organisations";
import { ArrangementForm } from "../arrangement-form";

export const metadata: Metadata = { title: "Add an arrangement" };

export default async function NewArrangementPage() {
  const user = await requireUser();
  const organisationId = editorOrganisation(user);
  const lead = organisationId === null ? null : await organisationById(organisationId);
  if (!lead) {
    return (
      <div className="max-w-2xl">
        <h1 className="text-3xl font-bold">Add an arrangement</h1>
        <p className="mt-4">
          Only council staff add arrangements, for their own organisation. Your account does not
          belong to an organisation.
        </p>
        <p className="mt-2">
          <Link href="/workspace">Back to the workspace</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-4xl">
      <p className="mb-4">
        <Link href="/workspace">Back to your workspace</Link>
      </p>
      <h1 className="text-3xl font-bold">Add an arrangement</h1>
      <p className="mt-2 mb-6 max-w-2xl text-ink-muted">
        It is saved as a draft. Nothing is public until you submit it and an administrator approves
        it.
      </p>
      <ArrangementForm
        arrangementId={null}
        baseVersion={null}
        idempotencyKey={randomUUID()}
        lead={lead}
        initial={EMPTY_FORM_VALUES}
        partnerOptions={await partnerChoices(null)}
        currentYear={currentSavingsYear()}
        cancelHref="/workspace"
      />
    </div>
  );
}
