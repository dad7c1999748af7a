import type { Metadata } from "next";
import Link from "next/link";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import { formatUkDate } from "@/lib/format/dates";
import { LIST_SEPARATOR } from "@/lib/open-data/encode";
import { LICENCE } from "@/lib/open-data/licence";
import { getOpenDataSummary } from "@/lib/open-data/queries";
import {
  ARRANGEMENT_FIELDS,
  FIELD_TYPE_DOCS,
  SAVINGS_FIELDS,
  type Field,
} from "@/lib/open-data/schema";
import { DASHBOARD_CHARTS } from "@/lib/stats/tables";

export const metadata: Metadata = {
  // The layout's title template only reaches child segments, and this page shares its segment.
  title: "Open data – Council Shared Services Map",
  description:
    "Download every published shared service arrangement and savings line as CSV or JSON, " +
    "under the Open Government Licence v3.0, with the schema of each file.",
};

// Cached whole (proxy.ts rewrites "/data" here; lib/public-routes.ts), rendered on first request
// and dropped when the register changes. The files themselves are streamed fresh each time.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

const FILES = [
  {
    id: "arrangements",
    title: "Arrangements",
    what: "one row per published arrangement",
    fields: ARRANGEMENT_FIELDS as readonly Field<never>[],
  },
  {
    id: "savings",
    title: "Savings lines",
    what: "one row per savings figure: an arrangement, a financial year, actual or forecast",
    fields: SAVINGS_FIELDS as readonly Field<never>[],
  },
] as const;

function SchemaTable({
  id,
  title,
  fields,
}: {
  id: string;
  title: string;
  fields: readonly Field<never>[];
}) {
  return (
    <div
      className="relative mt-4 overflow-x-auto print:overflow-visible"
      role="region"
      aria-labelledby={`${id}-schema-caption`}
      tabIndex={0}
    >
      <table className="w-full border-collapse text-sm" data-testid={`${id}-schema`}>
        <caption id={`${id}-schema-caption`} className="mb-2 text-left font-semibold">
          Fields of {title.toLowerCase()} files ({id}.csv and {id}.json), in file order
        </caption>
        <thead>
          <tr className="border-b-2 border-rule-strong text-left align-bottom">
            <th scope="col" className="py-2 pr-3">
              Field
            </th>
            <th scope="col" className="py-2 pr-3">
              In CSV
            </th>
            <th scope="col" className="py-2 pr-3">
              In JSON
            </th>
            <th scope="col" className="py-2">
              Meaning
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.name} className="border-b border-rule align-top">
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                <code className="font-mono whitespace-nowrap">{field.name}</code>
              </th>
              <td className="py-2 pr-3">{FIELD_TYPE_DOCS[field.type].csv}</td>
              <td className="py-2 pr-3">{FIELD_TYPE_DOCS[field.type].json}</td>
              <td className="py-2">{field.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function OpenDataPage() {
  const summary = await getOpenDataSummary();
  const arrangements = summary.arrangements.toLocaleString("en-GB");
  const lines = summary.savingsLines.toLocaleString("en-GB");

  return (
    <>
      <h1 className="text-3xl font-bold text-brand sm:text-4xl">Open data</h1>
      <p className="mt-3 max-w-3xl text-lg text-ink-muted">
        Everything published in the register, free to download and reuse under the {LICENCE.name}:{" "}
        {arrangements} arrangements and {lines} savings lines
        {summary.lastPublishedAt
          ? `, the most recent published on ${formatUkDate(summary.lastPublishedAt)}`
          : ""}
        .
      </p>

      <IllustrativeBanner
        illustrativeCount={summary.illustrative}
        totalCount={summary.arrangements}
      />

      <section aria-labelledby="downloads-heading" className="mt-8">
        <h2 id="downloads-heading" className="text-2xl font-bold">
          Downloads
        </h2>
        <p className="mt-2 max-w-3xl">
          Each file is written from the database when you download it, so it is always up to date,
          and it holds only records that have been reviewed and published: never drafts or changes
          waiting for approval.
        </p>
        <ul className="mt-4 grid gap-4 md:grid-cols-2">
          {FILES.map((file) => (
            <li key={file.id} className="border-t-4 border-brand bg-surface p-5">
              <h3 className="text-xl font-bold">{file.title}</h3>
              <p className="mt-1 text-ink-muted">
                {file.what} ({file.id === "arrangements" ? arrangements : lines} rows).
              </p>
              <p className="mt-3 flex flex-wrap gap-x-6 gap-y-2 font-semibold">
                <a href={`/data/${file.id}.csv`} download>
                  {file.title} as CSV<span className="sr-only"> ({file.id}.csv)</span>
                </a>
                <a href={`/data/${file.id}.json`} download>
                  {file.title} as JSON<span className="sr-only"> ({file.id}.json)</span>
                </a>
              </p>
              <p className="mt-3 text-sm">
                <a href={`#${file.id}-fields`}>Fields of this file</a>
              </p>
            </li>
          ))}
        </ul>

        <h3 className="mt-8 text-xl font-bold">Downloading part of the register</h3>
        <p className="mt-2 max-w-3xl">
          Add the <Link href="/arrangements">arrangement explorer</Link>&rsquo;s filters to a
          download&rsquo;s address to get only the matching records, for example{" "}
          <a href="/data/arrangements.csv?region=london&amp;category=legal">
            <code className="font-mono break-all">
              /data/arrangements.csv?region=london&amp;category=legal
            </code>
          </a>
          . The filters are <code className="font-mono">q</code> (search words),{" "}
          <code className="font-mono">region</code>, <code className="font-mono">category</code>,{" "}
          <code className="font-mono">organisation</code> (a code),{" "}
          <code className="font-mono">partner</code> (councils-only, fire, police, health, other),{" "}
          <code className="font-mono">stage</code>, <code className="font-mono">from</code> and{" "}
          <code className="font-mono">to</code> (start years),{" "}
          <code className="font-mono">min</code> and <code className="font-mono">max</code> (total
          savings in pounds). A filter that cannot be read is refused with a message (status 400).
        </p>

        <h3 className="mt-8 text-xl font-bold">The dashboard&rsquo;s figures</h3>
        <p className="mt-2 max-w-3xl">
          Every chart on the <Link href="/">national picture</Link> has its table as CSV, with the
          same <code className="font-mono">region</code> and{" "}
          <code className="font-mono">category</code> filters:
        </p>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {DASHBOARD_CHARTS.map((chart) => (
            <li key={chart}>
              <a href={`/data/dashboard/${chart}.csv`} download>
                <code className="font-mono">/data/dashboard/{chart}.csv</code>
              </a>
            </li>
          ))}
        </ul>
        <p className="mt-2 max-w-3xl">
          All of them together, as JSON:{" "}
          <a href="/api/v1/stats">
            <code className="font-mono">/api/v1/stats</code>
          </a>{" "}
          (money in whole pence).
        </p>
      </section>

      <section aria-labelledby="formats-heading" className="mt-12">
        <h2 id="formats-heading" className="text-2xl font-bold">
          How the files are written
        </h2>
        <ul className="mt-4 max-w-3xl list-disc space-y-2 pl-6">
          <li>
            <strong>CSV</strong>: UTF-8 with a byte order mark (so Excel shows names correctly), a
            header row, commas between fields, double quotes around fields that need them, and CRLF
            line ends (RFC 4180). Lists are separated by semicolons (
            <code className="font-mono">{LIST_SEPARATOR}</code>). An empty cell means no value.
          </li>
          <li>
            Text that begins with <code className="font-mono">=</code>,{" "}
            <code className="font-mono">+</code>, <code className="font-mono">-</code> or{" "}
            <code className="font-mono">@</code> starts with an apostrophe in the CSV files, so that
            spreadsheet programs treat it as text and never run it as a formula. The JSON files have
            the text exactly as entered.
          </li>
          <li>
            <strong>JSON</strong>: one object with the licence and attribution, and an array of
            records (<code className="font-mono">arrangements</code> or{" "}
            <code className="font-mono">savings</code>) with the same fields as the CSV. Lists are
            arrays; no value is <code className="font-mono">null</code>.
          </li>
          <li>
            <strong>Money</strong> is given twice: exactly, in whole pence (
            <code className="font-mono">…_pence</code>), and in pounds with two decimals (
            <code className="font-mono">…_pounds</code>). Savings are what councils recorded: actual
            savings achieved, and forecast savings expected.
          </li>
          <li>
            <strong>Financial years</strong> run from 1 April to 31 March and are written as{" "}
            <code className="font-mono">2016/17</code>, with the year they start (
            <code className="font-mono">2016</code>) alongside.
          </li>
          <li>
            Records are in the order they were first added to the register. Each download carries an
            ETag: ask again with <code className="font-mono">If-None-Match</code> and you get
            &ldquo;304 Not Modified&rdquo; until something is published or withdrawn.
          </li>
        </ul>
      </section>

      {FILES.map((file) => (
        <section key={file.id} aria-labelledby={`${file.id}-fields`} className="mt-12">
          <h2 id={`${file.id}-fields`} className="text-2xl font-bold">
            Fields: {file.title.toLowerCase()}
          </h2>
          <SchemaTable id={file.id} title={file.title} fields={file.fields} />
        </section>
      ))}

      <section aria-labelledby="licence-heading" className="mt-12">
        <h2 id="licence-heading" className="text-2xl font-bold">
          Licence and attribution
        </h2>
        <p className="mt-4 max-w-3xl">
          You may copy, publish, adapt and use this data, commercially or not, under the{" "}
          <a href={LICENCE.url}>{LICENCE.name}</a>, as long as you acknowledge the source. Please
          include this statement:
        </p>
        <blockquote className="mt-4 max-w-3xl border-l-8 border-rule-strong bg-surface px-4 py-3">
          {LICENCE.attribution}
        </blockquote>
        <p className="mt-4 max-w-3xl">{LICENCE.thirdParty}</p>
        <p className="mt-4 max-w-3xl">
          Savings figures are entered by councils and published after review by the register&rsquo;s
          administrators; they are not audited accounts. Records marked{" "}
          <code className="font-mono">is_illustrative</code> are demo records and not real data.
        </p>
      </section>
    </>
  );
}
