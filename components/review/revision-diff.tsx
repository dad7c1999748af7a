import { financialYearLabel } from "@/lib/financial-year";
import { formatPence } from "@/lib/money";
import type { RevisionDiff, SavingsRow } from "@/lib/review/diff";

/*
 * A submission beside the revision published before it, field by field. Changes are marked
 * with words ("Changed", "Added", "Removed") as well as a tinted background and a thick edge,
 * so colour is never the only cue; every comparison is a real table with headers.
 */

const STATUS_TEXT: Record<SavingsRow["status"], string> = {
  added: "Added",
  removed: "Removed",
  changed: "Changed",
  unchanged: "No change",
};

const changedRow = "border-l-8 border-notice bg-notice-bg";

function Value({ text, empty = "Not given" }: { text: string | null; empty?: string }) {
  return text === null ? (
    <span className="text-ink-muted italic">{empty}</span>
  ) : (
    <span className="whitespace-pre-line wrap-anywhere">{text}</span>
  );
}

function signed(pence: bigint): string {
  if (pence === 0n) return "No change";
  return pence > 0n ? `+${formatPence(pence)}` : `−${formatPence(-pence)}`;
}

function amount(value: SavingsRow["before"]) {
  if (!value) return <span className="text-ink-muted italic">None</span>;
  return (
    <>
      {formatPence(value.amountPence)} <span className="text-ink-muted">({value.kind})</span>
    </>
  );
}

export function RevisionDiffView({
  diff,
  beforeLabel,
  afterLabel,
  idPrefix = "diff",
}: {
  diff: RevisionDiff;
  /** Column heading for the earlier revision, e.g. "Published (version 1)". */
  beforeLabel: string;
  afterLabel: string;
  idPrefix?: string;
}) {
  const changedFields = diff.fields.filter((f) => f.changed).length;
  const partnerChanges = diff.partners.added.length + diff.partners.removed.length;
  const savingsChanges = diff.savings.rows.filter((r) => r.status !== "unchanged").length;

  return (
    <div className="space-y-10">
      <p className="max-w-3xl" data-testid="diff-summary">
        {diff.isNew
          ? "A new arrangement: nothing has been published for it before, so every field is new."
          : diff.hasChanges
            ? `${changedFields} field${changedFields === 1 ? "" : "s"} changed, ${partnerChanges} partner change${partnerChanges === 1 ? "" : "s"} and ${savingsChanges} savings row${savingsChanges === 1 ? "" : "s"} changed. Changes are marked “Changed”.`
            : "Nothing differs from the published version."}
      </p>

      <div
        className="relative overflow-x-auto"
        role="region"
        aria-labelledby={`${idPrefix}-fields`}
        tabIndex={0}
      >
        <table className="w-full border-collapse text-left align-top">
          <caption id={`${idPrefix}-fields`} className="mb-2 text-left text-xl font-bold">
            Details, field by field
          </caption>
          <thead>
            <tr className="border-b-2 border-rule-strong">
              <th scope="col" className="py-2 pr-4">
                Field
              </th>
              {diff.isNew ? null : (
                <th scope="col" className="w-2/5 py-2 pr-4">
                  {beforeLabel}
                </th>
              )}
              <th scope="col" className="w-2/5 py-2">
                {afterLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {diff.fields.map((row) => (
              <tr
                key={row.field}
                className={`border-b border-rule align-top ${row.changed && !diff.isNew ? changedRow : ""}`}
                data-changed={row.changed ? "true" : undefined}
              >
                <th scope="row" className="py-2 pr-4 pl-2 font-semibold">
                  {row.label}
                  {row.changed && !diff.isNew ? (
                    <span className="mt-1 block text-sm font-bold text-notice">Changed</span>
                  ) : null}
                </th>
                {diff.isNew ? null : (
                  <td className="py-2 pr-4">
                    {row.changed ? (
                      <del className="decoration-2">
                        <Value text={row.before} />
                      </del>
                    ) : (
                      <Value text={row.before} />
                    )}
                  </td>
                )}
                <td className="py-2">
                  {row.changed && !diff.isNew ? (
                    <ins className="font-semibold no-underline">
                      <Value text={row.after} />
                    </ins>
                  ) : (
                    <Value text={row.after} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby={`${idPrefix}-partners`}>
        <h3 id={`${idPrefix}-partners`} className="text-xl font-bold">
          Partner organisations
        </h3>
        <ul className="mt-2 space-y-1">
          {diff.partners.added.map((p) => (
            <li key={p.code} className={`${diff.isNew ? "" : changedRow} px-2 py-1`}>
              {diff.isNew ? null : <strong className="text-notice">Added: </strong>}
              <ins className="no-underline">{p.name}</ins>
            </li>
          ))}
          {diff.partners.removed.map((p) => (
            <li key={p.code} className={`${changedRow} px-2 py-1`}>
              <strong className="text-notice">Removed: </strong>
              <del className="decoration-2">{p.name}</del>
            </li>
          ))}
          {diff.partners.kept.map((p) => (
            <li key={p.code} className="px-2 py-1">
              {p.name} <span className="text-ink-muted">(no change)</span>
            </li>
          ))}
        </ul>
      </section>

      <div
        className="relative overflow-x-auto"
        role="region"
        aria-labelledby={`${idPrefix}-savings`}
        tabIndex={0}
      >
        <table className="w-full max-w-4xl border-collapse text-left">
          <caption id={`${idPrefix}-savings`} className="mb-2 text-left text-xl font-bold">
            Savings by financial year
          </caption>
          <thead>
            <tr className="border-b-2 border-rule-strong">
              <th scope="col" className="py-2 pr-4">
                Financial year
              </th>
              {diff.isNew ? null : (
                <th scope="col" className="py-2 pr-4 text-right">
                  {beforeLabel}
                </th>
              )}
              <th scope="col" className="py-2 pr-4 text-right">
                {afterLabel}
              </th>
              {diff.isNew ? null : (
                <>
                  <th scope="col" className="py-2 pr-4 text-right">
                    Change
                  </th>
                  <th scope="col" className="py-2">
                    What changed
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {diff.savings.rows.length === 0 ? (
              <tr>
                <td colSpan={diff.isNew ? 2 : 5} className="py-2">
                  No savings figures.
                </td>
              </tr>
            ) : (
              diff.savings.rows.map((row) => (
                <tr
                  key={row.financialYear}
                  className={`border-b border-rule ${row.status !== "unchanged" && !diff.isNew ? changedRow : ""}`}
                >
                  <th scope="row" className="py-2 pr-4 pl-2 text-left font-normal">
                    {financialYearLabel(row.financialYear)}
                  </th>
                  {diff.isNew ? null : (
                    <td className="py-2 pr-4 text-right">{amount(row.before)}</td>
                  )}
                  <td className="py-2 pr-4 text-right">{amount(row.after)}</td>
                  {diff.isNew ? null : (
                    <>
                      <td className="py-2 pr-4 text-right">{signed(row.changePence)}</td>
                      <td
                        className={`py-2 ${row.status === "unchanged" ? "" : "font-bold text-notice"}`}
                      >
                        {STATUS_TEXT[row.status]}
                      </td>
                    </>
                  )}
                </tr>
              ))
            )}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-rule-strong font-bold">
              <th scope="row" className="py-2 pr-4 pl-2 text-left">
                Total
              </th>
              {diff.isNew ? null : (
                <td className="py-2 pr-4 text-right">
                  {formatPence(diff.savings.beforeTotalPence)}
                </td>
              )}
              <td className="py-2 pr-4 text-right">{formatPence(diff.savings.afterTotalPence)}</td>
              {diff.isNew ? null : (
                <>
                  <td className="py-2 pr-4 text-right" data-testid="net-change">
                    {signed(diff.savings.netChangePence)}
                  </td>
                  <td className="py-2">Net change</td>
                </>
              )}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
