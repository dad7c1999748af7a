import "server-only";
import { inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { organisations } from "@/db/schema";
import { today } from "@/lib/clock";
import { serviceCategoryBySlug } from "@/lib/categories";
import { financialYearOf } from "@/lib/financial-year";
import { parsePounds } from "@/lib/money";
import type { ArrangementDetail, SavingsLine } from "@/lib/public/arrangements";
import { STAGES, type OrganisationKind, type Stage } from "@/lib/public/filters";
import { regionByName } from "@/lib/public/regions";
import { draftTitle } from "./completeness";
import type { ArrangementForEdit } from "./queries";
import type { ArrangementFormValues } from "./schema";

/*
 * A draft as the public arrangement page would show it once approved: the same record the
 * page reads (ArrangementDetail), made from the form's values, so the preview renders the
 * page's own components. What a half-finished draft has not chosen yet is `null` in the
 * preview's own fields (PreviewGaps), which the page says in words.
 */

export type PreviewGaps = { mainCategory: boolean; stage: boolean };

export type ArrangementPreview = { arrangement: ArrangementDetail; gaps: PreviewGaps };

type OrganisationRow = {
  code: string;
  gssCode: string | null;
  name: string;
  kind: OrganisationKind;
  region: string | null;
};

async function organisationsByCode(codes: string[]): Promise<Map<string, OrganisationRow>> {
  if (codes.length === 0) return new Map();
  const rows = await db()
    .select({
      code: organisations.code,
      gssCode: organisations.gssCode,
      name: organisations.name,
      kind: organisations.kind,
      region: organisations.region,
    })
    .from(organisations)
    .where(inArray(organisations.code, codes));
  return new Map(rows.map((r) => [r.code, r]));
}

/** The draft's savings lines that read as money, oldest first (the form refuses the rest). */
function savingsOf(values: ArrangementFormValues): SavingsLine[] {
  const lines: SavingsLine[] = [];
  values.savingsYear.forEach((year, i) => {
    const amount = parsePounds(values.savingsAmount[i] ?? "");
    const kind = values.savingsKind[i];
    if (/^\d{4}$/.test(year) && amount.ok && (kind === "actual" || kind === "forecast"))
      lines.push({ financialYear: Number(year), kind, amountPence: amount.pence });
  });
  return lines.sort((a, b) => a.financialYear - b.financialYear);
}

const sum = (lines: SavingsLine[]) => lines.reduce((total, s) => total + s.amountPence, 0n);

/** The arrangement being edited, as its public page will read once this version is approved. */
export async function previewOf(edit: ArrangementForEdit): Promise<ArrangementPreview> {
  const { values } = edit;
  const found = await organisationsByCode([edit.lead.code, ...values.partners]);
  const ref = (code: string) => {
    const o = found.get(code);
    return {
      code,
      gssCode: o?.gssCode ?? null,
      name: o?.name ?? code,
      kind: o?.kind ?? ("other" as OrganisationKind),
    };
  };
  const leadRow = found.get(edit.lead.code);
  const region = regionByName(leadRow?.region);
  const partners = values.partners
    .map((code) => ({ ...ref(code), role: "partner" as const, notConfirmed: false }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const category = serviceCategoryBySlug(values.mainCategory);
  const stage = (STAGES as readonly string[]).includes(values.stage)
    ? (values.stage as Stage)
    : null;
  const savings = savingsOf(values);
  const actual = savings.filter((s) => s.kind === "actual");
  const forecast = savings.filter((s) => s.kind === "forecast");
  const currentYear = financialYearOf(today());
  const now = new Date();
  const lead = {
    ...ref(edit.lead.code),
    regionSlug: region?.slug ?? null,
    regionName: region?.name ?? leadRow?.region ?? null,
  };
  return {
    arrangement: {
      arrangementId: edit.arrangementId,
      slug: edit.slug,
      title: draftTitle(values.title),
      isIllustrative: edit.isIllustrative,
      lead,
      mainCategory: category
        ? { slug: category.slug, name: category.name }
        : { slug: "", name: "Not chosen yet" },
      stage: stage ?? "planned",
      startDate: values.startDate || null,
      endDate: values.endDate || null,
      totalPence: sum(savings),
      // Not published yet: the page says so rather than show these.
      publishedAt: now,
      firstPublishedAt: now,
      description: values.description,
      organisations: [{ ...lead, role: "lead", notConfirmed: false }, ...partners],
      furtherCategories: values.furtherCategories.map((slug) => ({
        slug,
        name: serviceCategoryBySlug(slug)?.name ?? slug,
      })),
      benefits: values.benefits,
      contactName: values.contactName || null,
      contactEmail: values.contactEmail || null,
      noSavingsReason: values.noSavingsReason || null,
      savings,
      actualPence: sum(actual),
      forecastPence: sum(forecast),
      unconfirmedPence: sum(forecast.filter((s) => s.financialYear < currentYear)),
    },
    gaps: { mainCategory: !category, stage: stage === null },
  };
}
