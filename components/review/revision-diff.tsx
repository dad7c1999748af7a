import type { RevisionDiff } from "@/lib/review/diff";
import { CHANGED_ROW, FieldsTable, SavingsDiffTable } from "./diff-tables";

/*
 * A submission beside the revision published before it, field by field. Changes are marked
 * with words ("Changed", "Added", "Removed") as well as a tinted background and a thick edge,
 * so colour is never the only cue; every comparison is a real table with headers.
 */

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function summary(diff: RevisionDiff): string {
  if (diff.isNew) {
    return "A new arrangement: nothing has been published for it before, so every field is new.";
  }
  if (!diff.hasChanges) return "Nothing differs from the published version.";
  const fields = diff.fields.filter((f) => f.changed).length;
  const partners = diff.partners.added.length + diff.partners.removed.length;
  const savings = diff.savings.rows.filter((r) => r.status !== "unchanged").length;
  return `${plural(fields, "field")} changed, ${plural(partners, "partner change")} and ${plural(savings, "savings row")} changed. Changes are marked “Changed”.`;
}

function PartnersList({ diff, headingId }: { diff: RevisionDiff; headingId: string }) {
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="text-xl font-bold">
        Partner organisations
      </h3>
      <ul className="mt-2 space-y-1">
        {diff.partners.added.map((p) => (
          <li key={p.code} className={`${diff.isNew ? "" : CHANGED_ROW} px-2 py-1`}>
            {diff.isNew ? null : <strong className="text-notice">Added: </strong>}
            <ins className="no-underline">{p.name}</ins>
          </li>
        ))}
        {diff.partners.removed.map((p) => (
          <li key={p.code} className={`${CHANGED_ROW} px-2 py-1`}>
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
  const labels = { beforeLabel, afterLabel, idPrefix };
  return (
    <div className="space-y-10">
      <p className="max-w-3xl" data-testid="diff-summary">
        {summary(diff)}
      </p>
      <FieldsTable diff={diff} {...labels} />
      <PartnersList diff={diff} headingId={`${idPrefix}-partners`} />
      <SavingsDiffTable diff={diff} {...labels} />
    </div>
  );
}
