import type { Metadata } from "next";
import type { EditionPoint } from "@/components/charts/editions-chart";
import { EditionsFigure } from "@/components/charts/editions-figure";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import { lgaEditionBefore, lgaEditions, type LgaEdition } from "@/lib/editions/lga";
import { instantToLondon } from "@/lib/editions/london-time";
import { getEditions, type EditionWithFigures } from "@/lib/editions/queries";
import { formatDateTime, formatLongDate } from "@/lib/format/dates";
import { formatPence, penceToChartPounds } from "@/lib/money";

export const metadata: Metadata = {
  title: "Editions: the register over time – Council Shared Services Map",
  description:
    "Each edition of the register is the national picture as it stood on a date, shown beside " +
    "the figures the Local Government Association published for its shared services map.",
};

// Cached whole (proxy.ts rewrites "/editions" here; lib/public-routes.ts), rendered on first
// request, and dropped whenever the register changes or an edition is named.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

function count(value: number | null): string {
  return value === null ? "Not published" : value.toLocaleString("en-GB");
}

function money(value: bigint | null, style: "full" | "short" = "full"): string {
  return value === null ? "Not published" : formatPence(value, style);
}

function lgaPublished(e: LgaEdition): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(e.published)) return formatLongDate(e.published);
  if (/^\d{4}-\d{2}$/.test(e.published))
    return new Intl.DateTimeFormat("en-GB", {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${e.published}-01T00:00:00Z`));
  return e.published;
}

function day(instant: Date): string {
  return instantToLondon(instant).date;
}

function summary(
  editions: EditionWithFigures[],
  lga: LgaEdition[],
  what: "arrangements" | "savings",
): string {
  const ours = editions
    .map((e) =>
      what === "arrangements"
        ? `${e.name}: ${e.figures.arrangements.toLocaleString("en-GB")}`
        : `${e.name}: ${formatPence(e.figures.totalPence, "short")}`,
    )
    .join("; ");
  const theirs = lga
    .map((e) =>
      what === "arrangements"
        ? `${e.edition}: ${count(e.arrangements)}`
        : `${e.edition}: ${money(e.cumulativeSavingsPence, "short")}`,
    )
    .join("; ");
  return (
    `${what === "arrangements" ? "Arrangements" : "Savings"} over time. This register's editions — ${ours || "none yet"}. ` +
    `The LGA's published figures — ${theirs}. Exact figures are in the tables that follow.`
  );
}

export default async function EditionsPage() {
  const editions = await getEditions();
  const lga = lgaEditions();
  const latest = editions.at(-1);

  const point = (time: Date | string, value: number, label: string): EditionPoint => ({
    time: (typeof time === "string" ? new Date(`${time}T12:00:00Z`) : time).getTime(),
    value,
    label,
  });
  const arrangementsChart = {
    register: editions.map((e) => point(e.asOf, e.figures.arrangements, e.name)),
    lga: lga
      .filter((e) => e.arrangements !== null)
      .map((e) => point(e.publishedDay, e.arrangements!, `LGA ${e.edition}`)),
  };
  const savingsChart = {
    register: editions.map((e) => point(e.asOf, penceToChartPounds(e.figures.totalPence), e.name)),
    lga: lga
      .filter((e) => e.cumulativeSavingsPence !== null)
      .map((e) =>
        point(e.publishedDay, penceToChartPounds(e.cumulativeSavingsPence!), `LGA ${e.edition}`),
      ),
  };

  return (
    <>
      <h1 className="text-3xl font-bold text-brand sm:text-4xl">
        Editions: the register over time
      </h1>
      <p className="mt-3 max-w-3xl text-lg text-ink-muted">
        An edition is the register as it stood at a moment: the arrangements published then, with
        the savings recorded then. It is worked out from the history of approvals, so a later change
        never alters an edition. Beside them are the headline figures the Local Government
        Association published for its shared services map, with their sources.
      </p>

      {latest ? (
        <IllustrativeBanner
          illustrativeCount={latest.figures.illustrative}
          totalCount={latest.figures.arrangements}
        />
      ) : null}

      <section aria-labelledby="charts-heading" className="mt-8">
        <h2 id="charts-heading" className="text-2xl font-bold">
          Compared over time
        </h2>
        <p className="mt-2 max-w-3xl text-ink-muted">
          Points sit at each edition&apos;s date. Where the LGA gave only a month or a year, its
          point is placed in the middle of it. Our savings are the total of all savings recorded
          (actual and forecast); the LGA&apos;s are its cumulative savings.
        </p>
        <div className="mt-6 grid gap-10 lg:grid-cols-2">
          <EditionsFigure
            title="Arrangements"
            unit="count"
            register={arrangementsChart.register}
            lga={arrangementsChart.lga}
            summary={summary(editions, lga, "arrangements")}
          />
          <EditionsFigure
            title="Savings"
            unit="pounds"
            register={savingsChart.register}
            lga={savingsChart.lga}
            summary={summary(editions, lga, "savings")}
          />
        </div>
      </section>

      <section aria-labelledby="ours-heading" className="mt-12">
        <h2 id="ours-heading" className="text-2xl font-bold">
          This register&apos;s editions
        </h2>
        {editions.length === 0 ? (
          <p className="mt-3">No editions have been published yet.</p>
        ) : (
          <div
            className="relative mt-4 overflow-x-auto"
            role="region"
            aria-labelledby="ours-caption"
            tabIndex={0}
          >
            <table className="w-full border-collapse text-sm" data-testid="editions-table">
              <caption id="ours-caption" className="mb-2 text-left font-semibold">
                Each edition&apos;s figures, with the LGA&apos;s latest published figures at that
                date
              </caption>
              <thead>
                <tr className="border-b-2 border-rule-strong text-left">
                  <th scope="col" className="py-2 pr-3">
                    Edition
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    As of
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right">
                    Arrangements
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right">
                    Councils involved
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right">
                    Actual savings
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right">
                    Forecast savings
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right">
                    Total savings
                  </th>
                  <th scope="col" className="py-2">
                    LGA published then
                  </th>
                </tr>
              </thead>
              <tbody>
                {editions.map((e) => {
                  const theirs = lgaEditionBefore(day(e.asOf));
                  return (
                    <tr key={e.id} className="border-b border-rule align-top">
                      <th scope="row" className="py-2 pr-3 text-left font-semibold">
                        {e.name}
                        {e.description ? (
                          <span className="mt-1 block font-normal whitespace-pre-line text-ink-muted">
                            {e.description}
                          </span>
                        ) : null}
                      </th>
                      <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(e.asOf)}</td>
                      <td className="py-2 pr-3 text-right">
                        {e.figures.arrangements.toLocaleString("en-GB")}
                      </td>
                      <td className="py-2 pr-3 text-right">
                        {e.figures.councilsInvolved.toLocaleString("en-GB")}
                      </td>
                      <td className="py-2 pr-3 text-right">{formatPence(e.figures.actualPence)}</td>
                      <td className="py-2 pr-3 text-right">
                        {formatPence(e.figures.forecastPence)}
                      </td>
                      <td className="py-2 pr-3 text-right font-semibold">
                        {formatPence(e.figures.totalPence)}
                      </td>
                      <td className="py-2">
                        {theirs
                          ? `${theirs.edition}: ${count(theirs.arrangements)} arrangements, ${money(theirs.cumulativeSavingsPence, "short")}`
                          : "None yet"}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="lga-heading" className="mt-12">
        <h2 id="lga-heading" className="text-2xl font-bold">
          The LGA&apos;s published figures
        </h2>
        <p className="mt-2 max-w-3xl text-ink-muted">
          As the Local Government Association and the press reported them, edition by edition. These
          are facts from the sources named, not figures from this register.
        </p>
        <div
          className="relative mt-4 overflow-x-auto"
          role="region"
          aria-labelledby="lga-caption"
          tabIndex={0}
        >
          <table className="w-full border-collapse text-sm" data-testid="lga-table">
            <caption id="lga-caption" className="mb-2 text-left font-semibold">
              The LGA shared services map&apos;s headline figures, with sources
            </caption>
            <thead>
              <tr className="border-b-2 border-rule-strong text-left">
                <th scope="col" className="py-2 pr-3">
                  Edition
                </th>
                <th scope="col" className="py-2 pr-3">
                  Published
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  Arrangements
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  Councils sharing
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  Cumulative savings
                </th>
                <th scope="col" className="py-2 pr-3">
                  Note
                </th>
                <th scope="col" className="py-2">
                  Source
                </th>
              </tr>
            </thead>
            <tbody>
              {lga.map((e) => (
                <tr key={e.edition} className="border-b border-rule align-top">
                  <th scope="row" className="py-2 pr-3 text-left font-semibold">
                    {e.edition}
                  </th>
                  <td className="py-2 pr-3">{lgaPublished(e)}</td>
                  <td className="py-2 pr-3 text-right">{count(e.arrangements)}</td>
                  <td className="py-2 pr-3 text-right">
                    {e.councilsSharing !== null ? e.councilsSharing.toLocaleString("en-GB") : ""}
                    {e.councilsSharingPercent !== null
                      ? `${e.councilsSharing !== null ? " " : ""}(${e.councilsSharingPercent}%)`
                      : ""}
                    {e.councilsSharing === null && e.councilsSharingPercent === null
                      ? "Not published"
                      : ""}
                  </td>
                  <td className="py-2 pr-3 text-right">
                    {money(e.cumulativeSavingsPence)}
                    {e.annualSavingsPence !== null ? (
                      <span className="block text-ink-muted">
                        {formatPence(e.annualSavingsPence)} in the year
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-3">{e.note}</td>
                  <td className="py-2">{e.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
