import "server-only";
import { inArray, sql as raw } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organisations, serviceCategories } from "@/db/schema";
import { refuse } from "@/lib/commands/refusal";
import { invalid, type FieldErrors } from "@/lib/commands/result";
import { activeOn } from "../queries";
import type { RevisionReferences } from "../revision-rows";
import type { ArrangementInput } from "../schema";

type Partner = { id: number; code: string; name: string; active: boolean };

/** Database ids for the form's categories and partners; field errors for what the database refuses. */
export async function resolveReferences(
  tx: Tx,
  input: ArrangementInput,
  leadOrganisationId: number,
): Promise<RevisionReferences> {
  const categories = await tx
    .select({ id: serviceCategories.id, slug: serviceCategories.slug })
    .from(serviceCategories)
    .where(inArray(serviceCategories.slug, [input.mainCategory, ...input.furtherCategories]));
  const categoryId = new Map(categories.map((c) => [c.slug, c.id]));
  const found = await tx
    .select({
      id: organisations.id,
      code: organisations.code,
      name: organisations.name,
      active: input.startDate ? raw<boolean>`${activeOn(input.startDate)!}` : raw<boolean>`true`,
    })
    .from(organisations)
    .where(inArray(organisations.code, input.partners));
  const byCode = new Map(found.map((o) => [o.code, o]));

  const errors = referenceErrors(input, categoryId, byCode, leadOrganisationId);
  if (Object.keys(errors).length) refuse(invalid(errors));
  return {
    mainCategoryId: categoryId.get(input.mainCategory)!,
    furtherCategoryIds: input.furtherCategories.map((s) => categoryId.get(s)!),
    partnerIds: input.partners.map((code) => byCode.get(code)!.id),
  };
}

function referenceErrors(
  input: ArrangementInput,
  categoryId: Map<string, number>,
  byCode: Map<string, Partner>,
  leadOrganisationId: number,
): FieldErrors {
  const errors: FieldErrors = {};
  if (!categoryId.has(input.mainCategory))
    errors.mainCategory = "Select a service category from the list";
  if (input.furtherCategories.some((s) => !categoryId.has(s)))
    errors.furtherCategories = "Select further categories from the list";
  const unknown = input.partners.filter((code) => !byCode.has(code));
  const partners = input.partners.map((code) => byCode.get(code)).filter((o) => !!o);
  if (unknown.length)
    errors.partners = `No organisation has the code ${unknown.join(", ")}: select partners from the list`;
  else if (partners.some((o) => o.id === leadOrganisationId))
    errors.partners = "Your own organisation is the lead: list only the other partners";
  else {
    const inactive = partners.find((o) => !o.active);
    if (inactive)
      errors.partners = `${inactive.name} was not operating on the start date: check the partner or the date`;
  }
  return errors;
}
