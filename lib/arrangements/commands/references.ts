import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  arrangementRevisions,
  organisations,
  revisionPartners,
  serviceCategories,
} from "@/db/schema";
import { today } from "@/lib/clock";
import { refuse } from "@/lib/commands/refusal";
import { invalid, type FieldErrors } from "@/lib/commands/result";
import { firstLifetimeProblem, lifetimeProblem, type Lifetime } from "../lifetime";
import { readRevisionContent } from "../queries";
import type { RevisionReferences } from "../revision-rows";
import { savingsErrorsByYear } from "../savings-grid";
import { parseArrangementForm, revisionToFormValues, type DraftInput } from "../schema";

type Partner = Lifetime & { id: number; code: string };

const lifetimeColumns = {
  id: organisations.id,
  code: organisations.code,
  name: organisations.name,
  startDate: organisations.startDate,
  endDate: organisations.endDate,
};

/** Database ids for the form's categories and partners; field errors for what the database refuses. */
export async function resolveReferences(
  tx: Tx,
  input: DraftInput,
  leadOrganisationId: number,
): Promise<RevisionReferences> {
  const categories = await tx
    .select({ id: serviceCategories.id, slug: serviceCategories.slug })
    .from(serviceCategories)
    .where(
      inArray(serviceCategories.slug, [...named(input.mainCategory), ...input.furtherCategories]),
    );
  const categoryId = new Map(categories.map((c) => [c.slug, c.id]));
  const found = await tx
    .select(lifetimeColumns)
    .from(organisations)
    .where(inArray(organisations.code, input.partners));
  const byCode = new Map(found.map((o) => [o.code, o]));
  const [lead] = await tx
    .select(lifetimeColumns)
    .from(organisations)
    .where(eq(organisations.id, leadOrganisationId));

  const errors = referenceErrors(input, categoryId, byCode, lead!);
  if (Object.keys(errors).length) refuse(invalid(errors));
  return {
    mainCategoryId: input.mainCategory === null ? null : categoryId.get(input.mainCategory)!,
    furtherCategoryIds: input.furtherCategories.map((s) => categoryId.get(s)!),
    partnerIds: input.partners.map((code) => byCode.get(code)!.id),
  };
}

const named = <T>(value: T | null): T[] => (value === null ? [] : [value]);

function referenceErrors(
  input: DraftInput,
  categoryId: Map<string, number>,
  byCode: Map<string, Partner>,
  lead: Partner,
): FieldErrors {
  const errors: FieldErrors = {};
  if (input.mainCategory !== null && !categoryId.has(input.mainCategory))
    errors.mainCategory = "Select a service category from the list";
  if (input.furtherCategories.some((s) => !categoryId.has(s)))
    errors.furtherCategories = "Select further categories from the list";
  const leadProblem = lifetimeProblem(lead, input, today());
  if (leadProblem) errors.startDate = leadProblem;
  const unknown = input.partners.filter((code) => !byCode.has(code));
  const partners = input.partners.map((code) => byCode.get(code)).filter((o) => !!o);
  if (unknown.length)
    errors.partners = `No organisation has the code ${unknown.join(", ")}: select partners from the list`;
  else if (partners.some((o) => o.id === lead.id))
    errors.partners = "Your own organisation is the lead: list only the other partners";
  else {
    const problem = firstLifetimeProblem(partners, input, today());
    if (problem) errors.partners = problem;
  }
  return errors;
}

/**
 * At submission: the draft's organisations checked again against its dates, as they are now
 * (a draft saved before an administrator corrected a council's dates must not reach review).
 * Refuses with the problem as the message; the lead is the revision's lead partner.
 */
export async function refuseOutsideLifetime(tx: Tx, revisionId: number): Promise<void> {
  const named = await tx
    .select({
      role: revisionPartners.role,
      name: organisations.name,
      startDate: organisations.startDate,
      endDate: organisations.endDate,
      arrangementStart: arrangementRevisions.startDate,
    })
    .from(revisionPartners)
    .innerJoin(organisations, eq(organisations.id, revisionPartners.organisationId))
    .innerJoin(arrangementRevisions, eq(arrangementRevisions.id, revisionPartners.revisionId))
    .where(eq(revisionPartners.revisionId, revisionId))
    .orderBy(asc(revisionPartners.role), asc(organisations.name));
  const day = today();
  for (const org of named) {
    const problem = lifetimeProblem(org, { startDate: org.arrangementStart }, day);
    if (problem)
      refuse(invalid({ [org.role === "lead" ? "startDate" : "partners"]: problem }, problem));
  }
}

const SUBMIT_REFUSED = "Edit the draft before submitting it for review:";

/**
 * At submission: the draft's content through the form's full rules (a draft is saved half
 * finished, and one saved before a rule existed — dates outside 1990 to 20 years ahead, hidden
 * characters — must not reach review either). Refuses with every problem, keyed by the edit
 * form's field names, so the editor sees the whole list at once.
 */
export async function refuseInvalidContent(
  tx: Tx,
  revisionId: number,
  /** Problems of the submission itself (its declaration), listed after the content's. */
  also: FieldErrors = {},
): Promise<void> {
  const stored = await readRevisionContent(tx, revisionId);
  if (!stored) return;
  const values = revisionToFormValues(stored);
  const parsed = parseArrangementForm(values);
  const content = parsed.ok ? {} : savingsErrorsByYear(parsed.errors, values);
  const errors = { ...content, ...also };
  if (Object.keys(errors).length === 0) return;
  const contentOk = Object.keys(content).length === 0;
  refuse(invalid(errors, contentOk ? "Before submitting it for review:" : SUBMIT_REFUSED));
}
