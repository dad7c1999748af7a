import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/access";
import { getEditions } from "@/lib/editions/queries";
import { formatPence } from "@/lib/money";
import { formatDateTime } from "@/lib/format/dates";
import { EditionForm } from "./edition-form";

export const metadata: Metadata = { title: "Editions" };

export default async function AdminEditionsPage() {
  await requireAdmin();
  const editions = await getEditions();
  return (
    <div>
      <h1 className="text-3xl font-bold">Editions</h1>
      <p className="mt-2 mb-6 max-w-3xl text-ink-muted">
        An edition is the register as it stood at a moment, computed from the history of approvals.
        Its figures never change afterwards, whatever is approved later. The public compare them,
        beside the LGA&apos;s own published figures, at <Link href="/editions">/editions</Link>.
      </p>

      {editions.length === 0 ? (
        <p className="mb-8">No editions yet.</p>
      ) : (
        <div
          className="relative mb-10 overflow-x-auto"
          role="region"
          aria-labelledby="editions-caption"
          tabIndex={0}
        >
          <table className="w-full border-collapse text-left">
            <caption id="editions-caption" className="mb-2 text-left text-lg font-semibold">
              Published editions, oldest first
            </caption>
            <thead>
              <tr className="border-b-2 border-rule-strong">
                <th scope="col" className="py-2 pr-4">
                  Edition
                </th>
                <th scope="col" className="py-2 pr-4">
                  As of
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  Arrangements
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  Savings
                </th>
                <th scope="col" className="py-2">
                  Named by
                </th>
              </tr>
            </thead>
            <tbody>
              {editions.map((e) => (
                <tr key={e.id} className="border-b border-rule align-top">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    {e.name}
                  </th>
                  <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(e.asOf)}</td>
                  <td className="py-2 pr-4 text-right">
                    {e.figures.arrangements.toLocaleString("en-GB")}
                  </td>
                  <td className="py-2 pr-4 text-right">{formatPence(e.figures.totalPence)}</td>
                  <td className="py-2">
                    {e.createdByName ?? "Demo data"} on {formatDateTime(e.createdAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
