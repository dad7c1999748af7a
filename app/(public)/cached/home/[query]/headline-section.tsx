import { HeadlineFigures } from "@/components/headline-figures";
import { UnconfirmedNote } from "@/components/unconfirmed-note";
import { formatHeadlinePounds, formatWholePounds } from "@/lib/money";
import type { Dashboard } from "@/lib/stats/dashboard";
import { regionPhrase, type DashboardFilters } from "@/lib/stats/filters";
import { formatLongDate } from "@/lib/format/dates";

function formatCount(value: number): string {
  return value.toLocaleString("en-GB");
}

/**
 * Share of councils involved, to one decimal place, rounded down: the page should never claim
 * 100% (or 98%) when a council is still missing.
 */
function formatPercent(part: number, whole: number): string {
  if (whole === 0) return "0%";
  const tenths = Math.floor((part * 1000) / whole);
  return `${(tenths / 10).toFixed(1)}%`;
}

/** The three headline figures: arrangements, councils involved and savings. */
export function HeadlineSection({
  headline,
  unconfirmed,
  filters,
}: {
  headline: Dashboard["headline"];
  unconfirmed: Dashboard["unconfirmed"];
  filters: DashboardFilters;
}) {
  const councilsScope = filters.region ? regionPhrase(filters) : "England";
  return (
    <section aria-labelledby="headline-heading" className="mt-8">
      <h2 id="headline-heading" className="text-2xl font-bold">
        Headline figures
      </h2>
      <HeadlineFigures
        figures={[
          {
            label: "Shared service arrangements",
            value: formatCount(headline.arrangements),
            detail: (
              <>
                shared on {formatLongDate(headline.referenceDate)}
                {headline.internal > 0
                  ? `; ${formatCount(headline.internal)} more now run within one council`
                  : ""}
              </>
            ),
            testId: "headline-arrangements",
          },
          {
            label: "Councils involved",
            value: formatCount(headline.councilsInvolved),
            detail: (
              <>
                {formatCount(headline.councilsInvolved)} of {formatCount(headline.councilsExisting)}{" "}
                councils in {councilsScope} on {formatLongDate(headline.referenceDate)} (
                {formatPercent(headline.councilsInvolved, headline.councilsExisting)}), taking part
                in a running shared arrangement
              </>
            ),
            testId: "headline-councils",
          },
          {
            label: "Savings",
            value: formatHeadlinePounds(headline.totalPence),
            detail: (
              <>
                {formatWholePounds(headline.totalPence)} in total:{" "}
                {formatWholePounds(headline.actualPence)} actual and{" "}
                {formatWholePounds(headline.forecastPence)} forecast.
                <UnconfirmedNote
                  pence={unconfirmed.pence}
                  totalPence={headline.totalPence}
                  currentYear={unconfirmed.currentYear}
                  testId="headline-unconfirmed"
                />
              </>
            ),
            testId: "headline-savings",
          },
        ]}
      />
    </section>
  );
}
