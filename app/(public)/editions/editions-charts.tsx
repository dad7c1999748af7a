import { EditionsChart, type EditionPoint } from "@/components/charts/editions-chart";
import type { LgaEdition } from "@/lib/editions/lga";
import type { EditionWithFigures } from "@/lib/editions/queries";
import { formatHeadlinePounds, penceToChartPounds } from "@/lib/money";
import { count, money } from "./edition-figures";

type Measure = "arrangements" | "savings";

function point(time: Date | string, value: number, label: string): EditionPoint {
  const moment = typeof time === "string" ? new Date(`${time}T12:00:00Z`) : time;
  return { time: moment.getTime(), value, label };
}

/** The register's and the LGA's points for one measure. */
function series(editions: EditionWithFigures[], lga: LgaEdition[], measure: Measure) {
  if (measure === "arrangements") {
    return {
      register: editions.map((e) => point(e.asOf, e.figures.arrangements, e.name)),
      lga: lga
        .filter((e) => e.arrangements !== null)
        .map((e) => point(e.publishedDay, e.arrangements!, `LGA ${e.edition}`)),
    };
  }
  return {
    register: editions.map((e) => point(e.asOf, penceToChartPounds(e.figures.totalPence), e.name)),
    lga: lga
      .filter((e) => e.cumulativeSavingsPence !== null)
      .map((e) =>
        point(e.publishedDay, penceToChartPounds(e.cumulativeSavingsPence!), `LGA ${e.edition}`),
      ),
  };
}

/** The chart in words, for assistive technology. */
function summary(editions: EditionWithFigures[], lga: LgaEdition[], measure: Measure): string {
  const ours = editions
    .map((e) =>
      measure === "arrangements"
        ? `${e.name}: ${e.figures.arrangements.toLocaleString("en-GB")}`
        : `${e.name}: ${formatHeadlinePounds(e.figures.totalPence)}`,
    )
    .join("; ");
  const theirs = lga
    .map((e) =>
      measure === "arrangements"
        ? `${e.edition}: ${count(e.arrangements)}`
        : `${e.edition}: ${money(e.cumulativeSavingsPence, "headline")}`,
    )
    .join("; ");
  return (
    `${measure === "arrangements" ? "Arrangements" : "Savings"} over time. This register's editions — ${ours || "none yet"}. ` +
    `The LGA's published figures — ${theirs}. Figures to the pound are in the tables that follow.`
  );
}

const CHARTS = [
  { measure: "arrangements", title: "Arrangements", unit: "count" },
  { measure: "savings", title: "Savings", unit: "pounds" },
] as const;

/** The register's editions and the LGA's, compared over time in two charts. */
export function EditionsCharts({
  editions,
  lga,
}: {
  editions: EditionWithFigures[];
  lga: LgaEdition[];
}) {
  return (
    <section aria-labelledby="charts-heading" className="mt-8">
      <h2 id="charts-heading" className="text-2xl font-bold">
        Compared over time
      </h2>
      <p className="mt-2 max-w-3xl text-ink-muted">
        Points sit at each edition&apos;s date. Where the LGA gave only a month or a year, its point
        is placed in the middle of it. Our savings are the total of all savings recorded (actual and
        forecast); the LGA&apos;s are its cumulative savings. Where two figures would be written
        over each other, one is left out of the chart: every figure is in the tables.
      </p>
      <div className="mt-6 grid gap-10 lg:grid-cols-2">
        {CHARTS.map((chart) => (
          <EditionsChart
            key={chart.measure}
            title={chart.title}
            unit={chart.unit}
            {...series(editions, lga, chart.measure)}
            summary={summary(editions, lga, chart.measure)}
          />
        ))}
      </div>
    </section>
  );
}
