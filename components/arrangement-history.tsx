import { financialYearLabel } from "@/lib/financial-year";
import { formatWholePounds } from "@/lib/money";
import type { ArrangementHistory, HistoryEntry } from "@/lib/public/history";
import { formatUkDate } from "@/lib/format/dates";

/*
 * The public change history of an arrangement (server component): the dates its versions were
 * published, newest first, and what each changed. Give it getArrangementHistory(slug) from
 * lib/public/history.ts; it holds only published content, never drafts or reviewers' notes.
 */

/** Long text fields are named, not quoted, in the history: the page itself shows them. */
const NAMED_ONLY = new Set(["description", "noSavingsReason"]);

function signed(pence: bigint): string {
  if (pence === 0n) return "no change";
  return pence > 0n ? `up ${formatWholePounds(pence)}` : `down ${formatWholePounds(-pence)}`;
}

function Changes({ entry }: { entry: HistoryEntry }) {
  const { diff } = entry;
  const items: React.ReactNode[] = [];
  for (const field of diff.fields.filter((f) => f.changed)) {
    items.push(
      <li key={field.field}>
        {NAMED_ONLY.has(field.field) ? (
          `${field.label} changed`
        ) : (
          <>
            {field.label}: {field.before ?? "none"} → {field.after ?? "none"}
          </>
        )}
      </li>,
    );
  }
  for (const p of diff.partners.added)
    items.push(<li key={`+${p.code}`}>Partner added: {p.name}</li>);
  for (const p of diff.partners.removed)
    items.push(<li key={`-${p.code}`}>Partner removed: {p.name}</li>);
  for (const row of diff.savings.rows) {
    if (row.status === "unchanged") continue;
    const year = financialYearLabel(row.financialYear);
    const text =
      row.status === "added"
        ? `Savings for ${year} added: ${formatWholePounds(row.after!.amountPence)} (${row.after!.kind})`
        : row.status === "removed"
          ? `Savings for ${year} removed (were ${formatWholePounds(row.before!.amountPence)})`
          : `Savings for ${year}: ${formatWholePounds(row.before!.amountPence)} (${row.before!.kind}) → ${formatWholePounds(row.after!.amountPence)} (${row.after!.kind})`;
    items.push(<li key={`s${row.financialYear}`}>{text}</li>);
  }
  if (diff.savings.netChangePence !== 0n)
    items.push(
      <li key="net" className="font-semibold">
        Total savings {signed(diff.savings.netChangePence)}, to{" "}
        {formatWholePounds(diff.savings.afterTotalPence)}
      </li>,
    );
  if (items.length === 0) return <p>No change to the published details.</p>;
  return <ul className="list-disc space-y-1 pl-6">{items}</ul>;
}

export function ArrangementHistoryView({ history }: { history: ArrangementHistory }) {
  const entries = [...history.entries].reverse();
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="history-heading" className="mt-12">
      <h2 id="history-heading" className="text-2xl font-bold">
        Change history
      </h2>
      <p className="mt-2 max-w-3xl text-ink-muted">
        Each version of this record that was published after review, newest first.
      </p>
      <ol className="mt-4 space-y-6 border-l-4 border-rule pl-6" reversed>
        {entries.map((entry) => (
          <li key={entry.version} data-testid="history-entry">
            <h3 className="text-lg font-bold">
              Version {entry.version}, published {formatUkDate(entry.publishedAt)}
              {entry.isCurrent ? (
                <span className="font-normal text-ink-muted"> (current)</span>
              ) : null}
            </h3>
            {entry.diff.isNew ? (
              <p>
                First published
                {entry.diff.savings.afterTotalPence > 0n
                  ? `, with savings of ${formatWholePounds(entry.diff.savings.afterTotalPence)}`
                  : ""}
                .
              </p>
            ) : (
              <Changes entry={entry} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
