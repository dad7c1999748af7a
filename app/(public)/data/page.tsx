import type { Metadata } from "next";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import { LICENCE } from "@/lib/open-data/licence";
import { getOpenDataSummary } from "@/lib/open-data/queries";
import { prerenderingAtBuild } from "../prerender";
import { DownloadsSection } from "./downloads-section";
import { FieldsSections } from "./fields-sections";
import { FormatsSection, LicenceSection, SuccessorsSection } from "./terms-sections";
import { formatUkDate } from "@/lib/format/dates";

export const metadata: Metadata = {
  // The layout's title template only reaches child segments, and this page shares its segment.
  title: "Open data",
  description:
    "Download every published shared service arrangement and savings line as CSV or JSON, " +
    "under the Open Government Licence v3.0, with the schema of each file.",
};

// Cached whole (ISR): rendered on first request and dropped when the register changes. The files
// themselves (app/data/) are streamed fresh each time.
export const revalidate = 3600;

export default async function OpenDataPage() {
  if (prerenderingAtBuild()) return null;
  const summary = await getOpenDataSummary();
  const rows = {
    arrangements: summary.arrangements.toLocaleString("en-GB"),
    savings: summary.savingsLines.toLocaleString("en-GB"),
  };

  return (
    <>
      <h1 className="text-3xl font-bold text-brand sm:text-4xl">Open data</h1>
      <p className="mt-3 max-w-3xl text-lg text-ink-muted">
        Everything published in the register, free to download and reuse under the {LICENCE.name}:{" "}
        {rows.arrangements} arrangements and {rows.savings} savings lines
        {summary.lastPublishedAt
          ? `, the most recent published on ${formatUkDate(summary.lastPublishedAt)}`
          : ""}
        .
      </p>

      <IllustrativeBanner
        illustrativeCount={summary.illustrative}
        totalCount={summary.arrangements}
      />

      <DownloadsSection rows={rows} />
      <FormatsSection />
      <SuccessorsSection />
      <FieldsSections />
      <LicenceSection />
    </>
  );
}
