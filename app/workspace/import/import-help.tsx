import { savingsColumn, templateSavingsYears } from "@/lib/arrangements/import";
import { BENEFITS, SERVICE_CATEGORIES } from "@/lib/categories";

function columns(years: number[]): [string, string][] {
  return [
    ["title", "Required. Up to 200 characters."],
    ["description", "Required. Plain text; line breaks inside quotes are kept."],
    ["main_category", "Required. A category code from the list below."],
    ["further_categories", "Optional. Category codes separated by “;”."],
    ["stage", "Required: planned, operational or ended."],
    [
      "start_date",
      "Like 01/04/2017, 1 April 2017 or 2017-04-01 (day before month), or an Excel date. Required unless the stage is planned.",
    ],
    ["end_date", "Only for an ended arrangement. Written like the start date."],
    [
      "partners",
      "Required. Organisation names (the official name, the short name such as “Exeter”, or “Exeter Council”) or GSS codes (like E10000027), separated by “;”. Not your own council: it is the lead. A name that is not found gets suggestions to choose from before anything is imported.",
    ],
    [
      `${savingsColumn(years[0]!)} … ${savingsColumn(years.at(-1)!)}`,
      "One column per financial year, from 2012/13 to three years ahead. The amount in pounds, like 1,250,000 or £300,000.50: for a year that has ended it is an actual saving, otherwise a forecast. To say otherwise, start with “actual:” or “forecast:”. Leave a year blank if there is nothing to report.",
    ],
    ["no_savings_reason", "Only when every savings column is blank: why there are no savings."],
    ["benefits", "Optional. Benefit codes from the list below, separated by “;”."],
    ["contact_name", "Optional. A public contact."],
    ["contact_email", "Optional. A public contact email address."],
  ];
}

const CODE_LISTS = [
  { title: "Category codes", codes: SERVICE_CATEGORIES.map((c) => [c.slug, c.name]) },
  { title: "Benefit codes", codes: BENEFITS.map((b) => [b.slug, b.label]) },
];

/** What each column of the template holds, and the codes it accepts, folded away until asked. */
export function ImportHelp() {
  return (
    <>
      <details className="mt-8">
        <summary className="cursor-pointer font-semibold">The columns</summary>
        <table className="data-table mt-4">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">What to write</th>
            </tr>
          </thead>
          <tbody>
            {columns(templateSavingsYears()).map(([column, help]) => (
              <tr key={column}>
                <td className="font-mono">{column}</td>
                <td>{help}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {CODE_LISTS.map((list) => (
        <details key={list.title} className="mt-4">
          <summary className="cursor-pointer font-semibold">{list.title}</summary>
          <ul className="mt-2">
            {list.codes.map(([code, name]) => (
              <li key={code}>
                <code>{code}</code>: {name}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </>
  );
}
