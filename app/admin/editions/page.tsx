import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, type Column } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/access";
import { getEditions, type EditionWithFigures } from "@/lib/editions/queries";
import { formatPence } from "@/lib/money";
import { formatDateTime } from "@/lib/format/dates";
import { EditionForm } from "./edition-form";

export const metadata: Metadata = { title: "Editions" };

const COLUMNS: Column<EditionWithFigures>[] = [
  { label: "Edition", rowHeader: true, cell: (e) => e.name },
  { label: "As of", cellClassName: "whitespace-nowrap", cell: (e) => formatDateTime(e.asOf) },
  {
    label: "Arrangements",
    numeric: true,
    cell: (e) => e.figures.arrangements.toLocaleString("en-GB"),
  },
  { label: "Savings", numeric: true, cell: (e) => formatPence(e.figures.totalPence) },
  {
    label: "Named by",
    cell: (e) => `${e.createdByName ?? "Demo data"} on ${formatDateTime(e.createdAt)}`,
  },
];

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
        <DataTable
          id="editions"
          regionClassName="mb-10"
          captionClassName="mb-2 text-left text-lg font-semibold"
          caption="Published editions, oldest first"
          columns={COLUMNS}
          rows={editions}
          rowKey={(e) => e.id}
        />
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
