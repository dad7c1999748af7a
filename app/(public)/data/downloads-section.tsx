import Link from "next/link";
import { DASHBOARD_CHARTS } from "@/lib/stats/tables";
import { Code } from "./code";
import { FILES, type FileId } from "./open-data-files";

function FileCard({ file, rows }: { file: (typeof FILES)[number]; rows: string }) {
  return (
    <li className="border-t-4 border-brand bg-surface p-5">
      <h3 className="text-xl font-bold">{file.title}</h3>
      <p className="mt-1 text-ink-muted">
        {file.what} ({rows} rows).
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
  );
}

function FilteredDownloads() {
  return (
    <>
      <h3 className="mt-8 text-xl font-bold">Downloading part of the register</h3>
      <p className="mt-2 max-w-3xl">
        Add the <Link href="/arrangements">arrangement explorer</Link>&rsquo;s filters to a
        download&rsquo;s address to get only the matching records, for example{" "}
        <a href="/data/arrangements.csv?region=london&amp;category=legal">
          <code className="font-mono break-all">
            /data/arrangements.csv?region=london&amp;category=legal
          </code>
        </a>
        . The filters are <Code>q</Code> (search words), <Code>region</Code>, <Code>category</Code>,{" "}
        <Code>organisation</Code> (a code), <Code>partner</Code> (councils-only, fire, police,
        health, other), <Code>stage</Code>, <Code>from</Code> and <Code>to</Code> (start years),{" "}
        <Code>min</Code> and <Code>max</Code> (total savings in pounds). The arrangements files also
        take the explorer&rsquo;s <Code>sort</Code> (relevance, savings, newest or name); without it
        they are in the order arrangements were first recorded. A filter that cannot be read is
        refused with a message (status 400).
      </p>
    </>
  );
}

function DashboardDownloads() {
  return (
    <>
      <h3 className="mt-8 text-xl font-bold">The dashboard&rsquo;s figures</h3>
      <p className="mt-2 max-w-3xl">
        Every chart on the <Link href="/">national picture</Link> has its table as CSV, with the
        same <Code>region</Code> and <Code>category</Code> filters:
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
          <Code>/api/v1/stats</Code>
        </a>{" "}
        (money in whole pence). The <Link href="/data/api">API reference</Link> describes every
        endpoint of the JSON API, with a worked example of each.
      </p>
    </>
  );
}

/** The files to download, part of the register by filter, and the dashboard's tables. */
export function DownloadsSection({ rows }: { rows: Record<FileId, string> }) {
  return (
    <section aria-labelledby="downloads-heading" className="mt-8">
      <h2 id="downloads-heading" className="text-2xl font-bold">
        Downloads
      </h2>
      <p className="mt-2 max-w-3xl">
        Each file is written from the database when you download it, so it is always up to date, and
        it holds only records that have been reviewed and published: never drafts or changes waiting
        for approval.
      </p>
      <ul className="mt-4 grid gap-4 md:grid-cols-2">
        {FILES.map((file) => (
          <FileCard key={file.id} file={file} rows={rows[file.id]} />
        ))}
      </ul>
      <FilteredDownloads />
      <DashboardDownloads />
    </section>
  );
}
