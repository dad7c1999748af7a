import { LIST_SEPARATOR } from "@/lib/open-data/encode";
import { LICENCE } from "@/lib/open-data/licence";
import { Code } from "./code";

/** How the CSV and JSON files are written: encoding, formulas, money, years, order and ETags. */
export function FormatsSection() {
  return (
    <section aria-labelledby="formats-heading" className="mt-12">
      <h2 id="formats-heading" className="text-2xl font-bold">
        How the files are written
      </h2>
      <ul className="mt-4 max-w-3xl list-disc space-y-2 pl-6">
        <li>
          <strong>CSV</strong>: UTF-8 with a byte order mark (so Excel shows names correctly), a
          header row, commas between fields, double quotes around fields that need them, and CRLF
          line ends (RFC 4180). Lists are separated by semicolons (<Code>{LIST_SEPARATOR}</Code>).
          An empty cell means no value.
        </li>
        <li>
          Text that begins with <Code>=</Code>, <Code>+</Code>, <Code>-</Code> or <Code>@</Code>{" "}
          starts with an apostrophe in the CSV files, so that spreadsheet programs treat it as text
          and never run it as a formula. The JSON files have the text exactly as entered.
        </li>
        <li>
          <strong>JSON</strong>: one object with the licence and attribution, and an array of
          records (<Code>arrangements</Code> or <Code>savings</Code>) with the same fields as the
          CSV. Lists are arrays; no value is <Code>null</Code>.
        </li>
        <li>
          <strong>Money</strong> is given twice: exactly, in whole pence (<Code>…_pence</Code>), and
          in pounds with two decimals (<Code>…_pounds</Code>). Savings are what councils recorded:
          actual savings achieved, and forecast savings expected.
        </li>
        <li>
          <strong>Financial years</strong> run from 1 April to 31 March and are written as{" "}
          <Code>2016/17</Code>, with the year they start (<Code>2016</Code>) alongside.
        </li>
        <li>
          Records are in the order they were first added to the register. Each download carries an
          ETag: ask again with <Code>If-None-Match</Code> and you get &ldquo;304 Not Modified&rdquo;
          until something is published or withdrawn.
        </li>
      </ul>
    </section>
  );
}

/** The rule for successors: who takes part in an arrangement on a date, as every figure reads it. */
export function SuccessorsSection() {
  return (
    <section aria-labelledby="successors-heading" className="mt-12">
      <h2 id="successors-heading" className="text-2xl font-bold">
        Councils that merge or split: who takes part on a date
      </h2>
      <div className="mt-4 max-w-3xl space-y-3">
        <p>
          The files list each arrangement&rsquo;s organisations as the council recorded them. When
          councils are reorganised nothing is copied: the register knows which councils replaced
          which, from what day, and for a split the part of the old council each new one took (by
          population). The figures on this site read the register on a day by one rule:
        </p>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            An arrangement is read on that day, or on its last day if it had ended, or its first if
            it had not started.
          </li>
          <li>
            An organisation that existed then takes part itself. One that had ceased takes part
            through the councils that replaced it (&ldquo;via&rdquo; it), and theirs in turn.
          </li>
          <li>
            An arrangement still running whose partners have all become one council is run within
            that council from the day they did: it is no longer counted as shared, and its savings
            count for the financial years before.
          </li>
          <li>
            &ldquo;Councils involved&rdquo; are the councils existing on the day that take part in a
            running, shared arrangement, out of all the councils existing that day.
          </li>
        </ul>
        <p>
          The headline, the map, council pages, the partner finder and <Code>/api/v1/stats</Code>{" "}
          all give the same figures for the same day.
        </p>
      </div>
    </section>
  );
}

/** The licence, the attribution to include, and what the figures are (and are not). */
export function LicenceSection() {
  return (
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
        administrators; they are not audited accounts. Records marked <Code>is_illustrative</Code>{" "}
        are demo records and not real data.
      </p>
    </section>
  );
}
