import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/page-header";
import { getPastForecast } from "@/lib/arrangements/past-forecasts";
import { requireUser } from "@/lib/auth/access";
import { financialYearLabel } from "@/lib/financial-year";
import { formatPence } from "@/lib/money";
import { arrangementIdParam } from "../arrangement-id";
import { ConfirmForm } from "./confirm-form";

export const metadata: Metadata = { title: "Confirm a past forecast" };

/** What happens to the answer, by the arrangement's state (lib/arrangements/state.ts). */
function whatHappens(status: string): { text: string; submitLabel: string } | null {
  if (status === "published")
    return {
      text: "Your answer is sent for review as a change to the arrangement. The public pages show it once an administrator approves it; until then they show the forecast as not yet confirmed.",
      submitLabel: "Confirm and send for review",
    };
  if (status.endsWith("submitted")) return null;
  return {
    text: "This arrangement has changes you have not sent for review yet. Your answer is added to them; submit them for review when they are ready.",
    submitLabel: "Confirm in my draft",
  };
}

// The year is a query parameter (?year=2019), not a second dynamic segment: one [id] keeps the
// route's pattern from swallowing its neighbours (ESLint's no-html-link-for-pages reads
// /workspace/[id]/confirm/[year] as matching every /workspace/… address).
export default async function ConfirmForecastPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const arrangementId = arrangementIdParam((await params).id);
  const year = (await searchParams).year;
  if (typeof year !== "string" || !/^\d{4}$/.test(year)) notFound();
  const forecast = await getPastForecast(user, arrangementId, Number(year));
  if (!forecast) notFound();
  const label = financialYearLabel(forecast.financialYear);
  const next = whatHappens(forecast.status);

  return (
    <div className="max-w-3xl">
      <BackLink href="/workspace">Back to your workspace</BackLink>
      <h1 className="text-3xl font-bold">Confirm the saving for {label}</h1>
      <p className="mt-2 text-lg">{forecast.title}</p>
      <p className="mt-4">
        The published record forecasts{" "}
        <strong data-testid="confirm-forecast">{formatPence(forecast.forecastPence)}</strong> for{" "}
        {label}. That year ended on 31 March {forecast.financialYear + 1}, so the public pages show
        it as &ldquo;forecast, not yet confirmed&rdquo;. Tell us what was actually saved.
      </p>
      {next ? (
        <>
          <p className="mt-2 text-ink-muted">{next.text}</p>
          <div className="mt-6">
            <ConfirmForm
              arrangementId={forecast.arrangementId}
              baseVersion={forecast.baseVersion}
              financialYear={forecast.financialYear}
              idempotencyKey={randomUUID()}
              yearLabel={label}
              submitLabel={next.submitLabel}
            />
          </div>
        </>
      ) : (
        <p
          className="mt-4 border-l-8 border-rule-strong bg-surface p-4"
          data-testid="confirm-waiting"
        >
          A change to this arrangement is waiting for review. Withdraw it from review to add this
          confirmation, or confirm the year once it has been decided.
        </p>
      )}
    </div>
  );
}
