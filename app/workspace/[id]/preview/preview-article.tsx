import { BenefitsSection, ContactSection } from "@/components/arrangement/benefits-and-contact";
import { DataTable, type Column } from "@/components/data-table";
import { SummaryList } from "@/components/summary-list";
import { draftTitle } from "@/lib/arrangements/completeness";
import type { ArrangementFormValues } from "@/lib/arrangements/schema";
import { serviceCategoryBySlug } from "@/lib/categories";
import { financialYearLabel } from "@/lib/financial-year";
import { formatPence, parsePounds } from "@/lib/money";
import { STAGE_LABELS } from "@/lib/public/filters";
import { formatLongDate } from "@/lib/format/dates";

/** The form's savings rows as figures, in year order (rows that do not parse count as nothing). */
function savingsOf(values: ArrangementFormValues) {
  return values.savingsYear
    .map((year, i) => {
      const amount = parsePounds(values.savingsAmount[i] ?? "");
      return {
        year: Number(year),
        pence: amount.ok ? amount.pence : 0n,
        kind: values.savingsKind[i] ?? "",
      };
    })
    .sort((a, b) => a.year - b.year);
}

type PreviewSaving = ReturnType<typeof savingsOf>[number];

const SAVINGS_COLUMNS: Column<PreviewSaving>[] = [
  { label: "Financial year", cell: (s) => financialYearLabel(s.year) },
  { label: "Saving", numeric: true, cell: (s) => formatPence(s.pence) },
  { label: "Actual or forecast", cellClassName: "capitalize", cell: (s) => s.kind },
];

function PreviewSavings({ values }: { values: ArrangementFormValues }) {
  const savings = savingsOf(values);
  if (savings.length === 0) {
    return (
      <p className="mt-2 max-w-2xl">
        No savings figure.{" "}
        {values.noSavingsReason ? (
          <span className="whitespace-pre-line">{values.noSavingsReason}</span>
        ) : null}
      </p>
    );
  }
  const total = savings.reduce((sum, s) => sum + s.pence, 0n);
  return (
    <DataTable
      id="preview-savings"
      regionClassName="mt-3"
      className="max-w-xl"
      captionClassName="sr-only"
      caption="Savings by financial year"
      columns={SAVINGS_COLUMNS}
      rows={savings}
      rowKey={(s) => s.year}
      footer={
        <tr>
          <th scope="row">Total</th>
          <td className="num">{formatPence(total)}</td>
          <td />
        </tr>
      }
    />
  );
}

/** What a half-finished draft shows for a choice not made yet. */
const NOT_YET = "Not chosen yet";

/** The draft as the public will see it once approved. */
export function PreviewArticle({
  values,
  leadName,
  partnerNames,
}: {
  values: ArrangementFormValues;
  leadName: string;
  partnerNames: Map<string, string>;
}) {
  const further = values.furtherCategories.map((s) => serviceCategoryBySlug(s)?.name ?? s);
  const stage = values.stage as keyof typeof STAGE_LABELS;
  return (
    <article aria-labelledby="arrangement-title">
      <p className="text-ink-muted">Preview</p>
      <h1 id="arrangement-title" className="text-3xl font-bold">
        {draftTitle(values.title)}
      </h1>
      <p className="mt-4 max-w-2xl whitespace-pre-line">{values.description}</p>
      <SummaryList
        rows={[
          { term: "Lead organisation", value: leadName },
          {
            term: "Partners",
            value: (
              <ul>
                {values.partners.map((code) => (
                  <li key={code}>{partnerNames.get(code) ?? code}</li>
                ))}
              </ul>
            ),
          },
          {
            term: "Service",
            value:
              serviceCategoryBySlug(values.mainCategory)?.name ?? (values.mainCategory || NOT_YET),
          },
          further.length > 0 && { term: "Also covers", value: further.join(", ") },
          { term: "Stage", value: STAGE_LABELS[stage] ?? (values.stage || NOT_YET) },
          {
            term: "Started",
            value: values.startDate ? formatLongDate(values.startDate) : "Not yet",
          },
          values.endDate ? { term: "Ended", value: formatLongDate(values.endDate) } : null,
        ]}
      />
      <section aria-labelledby="savings-heading" className="mt-8">
        <h2 id="savings-heading" className="text-2xl font-bold">
          Savings
        </h2>
        <PreviewSavings values={values} />
      </section>
      <BenefitsSection benefits={values.benefits} />
      <ContactSection name={values.contactName} email={values.contactEmail} />
    </article>
  );
}
