import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/access";
import { IMPORT_MAX_ROWS } from "@/lib/arrangements/import";
import { editorOrganisation } from "@/lib/arrangements/queries";
import { BENEFITS, SERVICE_CATEGORIES } from "@/lib/categories";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import arrangements from a spreadsheet" };

const COLUMNS: [string, string][] = [
  ["title", "Required. Up to 200 characters."],
  ["description", "Required. Plain text; line breaks inside quotes are kept."],
  ["main_category", "Required. A category code from the list below."],
  ["further_categories", "Optional. Category codes separated by “;”."],
  ["stage", "Required: planned, operational or ended."],
  ["start_date", "Like 2017-04-01. Required unless the stage is planned."],
  ["end_date", "Only for an ended arrangement."],
  [
    "partners",
    "Required. GSS codes (like E10000027) or exact organisation names, separated by “;”. Not your own council: it is the lead.",
  ],
  [
    "savings_2016_17, savings_2017_18, …",
    "One column per financial year. Write “actual:” or “forecast:” then the amount in pounds, like “actual: 1,250,000” or “forecast: £300,000.50”. Leave a year blank if there is nothing to report.",
  ],
  ["no_savings_reason", "Only when every savings column is blank: why there are no savings."],
  ["benefits", "Optional. Benefit codes from the list below, separated by “;”."],
  ["contact_name", "Optional. A public contact."],
  ["contact_email", "Optional. A public contact email address."],
];

export default async function ImportPage() {
  const user = await requireUser();
  const editor = editorOrganisation(user) !== null;
  return (
    <div>
      <p>
        <Link href="/workspace">Back to your workspace</Link>
      </p>
      <h1 className="text-3xl font-bold">Import arrangements from a spreadsheet</h1>
      {!editor ? (
        <p className="mt-4">Only council editors can import arrangements for their council.</p>
      ) : (
        <>
          <ol className="mt-4 list-decimal pl-6">
            <li>
              <a href="/workspace/import/template" download>
                Download the CSV template
              </a>{" "}
              (one row per arrangement, with one example row to replace).
            </li>
            <li>Fill it in, then save it as “CSV UTF-8 (Comma delimited)”.</li>
            <li>
              Upload it (5 MB or smaller, up to {IMPORT_MAX_ROWS} rows). You will see every row and
              any problems before anything is saved.
            </li>
            <li>
              Import the valid rows. They become drafts led by your council: check and submit each
              one for review from your workspace.
            </li>
          </ol>

          <ImportForm />

          <details className="mt-8">
            <summary className="cursor-pointer font-semibold">The columns</summary>
            <table className="mt-4 w-full text-left">
              <thead>
                <tr>
                  <th scope="col" className="pr-4">
                    Column
                  </th>
                  <th scope="col">What to write</th>
                </tr>
              </thead>
              <tbody>
                {COLUMNS.map(([column, help]) => (
                  <tr key={column} className="border-t align-top">
                    <td className="py-2 pr-4 font-mono">{column}</td>
                    <td className="py-2">{help}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <details className="mt-4">
            <summary className="cursor-pointer font-semibold">Category codes</summary>
            <ul className="mt-2">
              {SERVICE_CATEGORIES.map((c) => (
                <li key={c.slug}>
                  <code>{c.slug}</code>: {c.name}
                </li>
              ))}
            </ul>
          </details>
          <details className="mt-4">
            <summary className="cursor-pointer font-semibold">Benefit codes</summary>
            <ul className="mt-2">
              {BENEFITS.map((b) => (
                <li key={b.slug}>
                  <code>{b.slug}</code>: {b.label}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </div>
  );
}
