import Link from "next/link";
import { DataTable, type Column } from "@/components/data-table";
import type { CouncilArrangement } from "@/lib/councils/council-page";
import { stageLabel } from "@/lib/councils/labels";
import { formatLongDate } from "@/lib/format/dates";
import { namesText } from "@/lib/format/names";
import { formatWholePounds } from "@/lib/money";

function LeadLink({ lead }: { lead: CouncilArrangement["lead"] }) {
  if (lead.kind !== "council") return <>{lead.name}</>;
  return <Link href={`/councils/${lead.code}`}>{lead.name}</Link>;
}

/** Its stage, or from when it has been run within one council (no longer shared). */
function stageText(a: CouncilArrangement): string {
  if (a.internalFrom) return `Run within one council from ${formatLongDate(a.internalFrom)}`;
  return stageLabel(a.stage);
}

function columns(
  showLead: boolean,
  showVia: boolean,
  showShare: boolean,
): Column<CouncilArrangement>[] {
  return [
    {
      label: "Arrangement",
      rowHeader: true,
      cell: (a) => (
        <>
          <Link href={`/arrangements/${a.slug}`}>{a.title}</Link>
          {a.isIllustrative ? (
            <span className="ml-2 text-xs text-ink-muted">(illustrative)</span>
          ) : null}
        </>
      ),
    },
    { label: "Service", cell: (a) => a.category },
    ...(showLead
      ? [{ label: "Led by", cell: (a: CouncilArrangement) => <LeadLink lead={a.lead} /> }]
      : []),
    ...(showVia
      ? [
          {
            label: "Through",
            cell: (a: CouncilArrangement) => namesText(a.via.map((v) => v.name)),
          },
        ]
      : []),
    { label: "Stage", cell: stageText },
    { label: "Organisations", numeric: true, cell: (a) => a.organisations },
    {
      label: "Savings of the whole partnership",
      numeric: true,
      cellClassName: "whitespace-nowrap",
      cell: (a) => (
        <>
          {formatWholePounds(a.totalPence)}
          {a.unconfirmedPence > 0n ? (
            <span className="block text-xs text-ink-muted">
              of which {formatWholePounds(a.unconfirmedPence)} forecast, not yet confirmed
            </span>
          ) : null}
        </>
      ),
    },
    ...(showShare
      ? [
          {
            label: "Its share",
            numeric: true,
            cellClassName: "whitespace-nowrap",
            cell: (a: CouncilArrangement) =>
              a.sharePence === null ? "" : formatWholePounds(a.sharePence),
          },
        ]
      : []),
  ];
}

/**
 * The arrangements a council leads, those it is a partner in, or those it takes part in for the
 * councils it replaced, with their savings.
 */
export function ArrangementsSection({
  id,
  caption,
  empty,
  rows,
  showLead,
  showVia = false,
}: {
  id: string;
  caption: string;
  empty: string;
  rows: CouncilArrangement[];
  showLead: boolean;
  showVia?: boolean;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-10">
      <h2 id={`${id}-heading`} className="text-2xl font-bold">
        {caption} ({rows.length.toLocaleString("en-GB")})
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2">{empty}</p>
      ) : (
        <DataTable
          id={id}
          dense
          regionClassName="mt-4"
          testId={`council-${id}`}
          captionClassName="mb-2 text-left text-ink-muted"
          caption={`${caption}, with each arrangement’s savings that count (of the whole partnership; these overlap between councils) and its equal share of them, rounded to the nearest pound`}
          columns={columns(
            showLead,
            showVia,
            rows.some((a) => a.sharePence !== null),
          )}
          rows={rows}
          rowKey={(a) => a.slug}
        />
      )}
    </section>
  );
}
