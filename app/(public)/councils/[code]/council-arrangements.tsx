import Link from "next/link";
import { DataTable } from "@/components/data-table";
import type { CouncilArrangement } from "@/lib/councils/council-page";
import { stageLabel } from "@/lib/councils/labels";
import { formatPence } from "@/lib/money";

function columns(showLead: boolean) {
  return [
    { label: "Arrangement" },
    { label: "Service" },
    ...(showLead ? [{ label: "Led by" }] : []),
    { label: "Stage" },
    { label: "Organisations", numeric: true },
    { label: "Savings", numeric: true },
  ];
}

function ArrangementRow({
  arrangement: a,
  showLead,
}: {
  arrangement: CouncilArrangement;
  showLead: boolean;
}) {
  return (
    <tr>
      <th scope="row">
        <Link href={`/arrangements/${a.slug}`}>{a.title}</Link>
        {a.isIllustrative ? (
          <span className="ml-2 text-xs text-ink-muted">(illustrative)</span>
        ) : null}
      </th>
      <td>{a.category}</td>
      {showLead ? (
        <td>
          {a.lead.kind === "council" ? (
            <Link href={`/councils/${a.lead.code}`}>{a.lead.name}</Link>
          ) : (
            a.lead.name
          )}
        </td>
      ) : null}
      <td>{stageLabel(a.stage)}</td>
      <td className="num">{a.organisations}</td>
      <td className="num whitespace-nowrap">{formatPence(a.totalPence, "full")}</td>
    </tr>
  );
}

/** The arrangements a council leads, or those it is a partner in, with their savings. */
export function ArrangementsSection({
  id,
  caption,
  empty,
  rows,
  showLead,
}: {
  id: string;
  caption: string;
  empty: string;
  rows: CouncilArrangement[];
  showLead: boolean;
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
          caption={`${caption}, with each arrangement’s total recorded savings`}
          columns={columns(showLead)}
        >
          {rows.map((a) => (
            <ArrangementRow key={a.slug} arrangement={a} showLead={showLead} />
          ))}
        </DataTable>
      )}
    </section>
  );
}
