import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/access";
import { getEditions, type EditionWithFigures } from "@/lib/editions/queries";
import { formatPence } from "@/lib/money";
import { formatDateTime } from "@/lib/users/labels";
import { EditionForm } from "./edition-form";

export const metadata: Metadata = { title: "Editions" };

const COLUMNS = [
  { label: "Edition" },
  { label: "As of" },
  { label: "Arrangements", numeric: true },
  { label: "Savings", numeric: true },
  { label: "Named by" },
];

function EditionsTable({ editions }: { editions: EditionWithFigures[] }) {
  return (
    <DataTable
      id="editions"
      regionClassName="mb-10"
      captionClassName="mb-2 text-left text-lg font-semibold"
      caption="Published editions, oldest first"
      columns={COLUMNS}
    >
      {editions.map((e) => (
        <tr key={e.id}>
          <th scope="row">{e.name}</th>
          <td className="whitespace-nowrap">{formatDateTime(e.asOf)}</td>
          <td className="num">{e.figures.arrangements.toLocaleString("en-GB")}</td>
          <td className="num">{formatPence(e.figures.totalPence)}</td>
          <td>
            {e.createdByName ?? "Demo data"} on {formatDateTime(e.createdAt)}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export default async function AdminEditionsPage() {
  await requireAdmin();
  const editions = await getEditions();
  return (
    <div>
      <PageHeader title="Editions">
        An edition is the register as it stood at a moment, computed from the history of approvals.
        Its figures never change afterwards, whatever is approved later. The public compare them,
        beside the LGA&apos;s own published figures, at <Link href="/editions">/editions</Link>.
      </PageHeader>

      {editions.length === 0 ? (
        <p className="mb-8">No editions yet.</p>
      ) : (
        <EditionsTable editions={editions} />
      )}

      <section aria-labelledby="new-edition-heading" className="max-w-2xl">
        <h2 id="new-edition-heading" className="mb-4 text-2xl font-bold">
          Publish a new edition
        </h2>
        <EditionForm />
      </section>
    </div>
  );
}
