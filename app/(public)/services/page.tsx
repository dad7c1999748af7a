import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { SERVICE_CATEGORIES } from "@/lib/categories";
import { formatHeadlinePounds } from "@/lib/money";
import { getSavingsByCategory } from "@/lib/stats/queries";
import { prerenderingAtBuild } from "../prerender";

export const metadata: Metadata = {
  title: "Services councils share",
  description:
    "Every service category in the register, with how many shared arrangements have it as their " +
    "main service and what they save: each links to its own page.",
};

// Cached whole (ISR): rendered on first request, dropped whenever the register changes.
export const revalidate = 3600;

export default async function ServicesPage() {
  if (prerenderingAtBuild()) return null;
  const groups = new Map((await getSavingsByCategory()).map((g) => [g.key, g]));
  const rows = SERVICE_CATEGORIES.map((c) => ({
    slug: c.slug,
    name: c.name,
    description: c.description,
    arrangements: groups.get(c.slug)?.arrangements ?? 0,
    totalPence: groups.get(c.slug)?.totalPence ?? 0n,
  }));
  return (
    <>
      <h1 className="text-3xl font-bold text-brand sm:text-4xl">Services councils share</h1>
      <p className="mt-3 max-w-3xl text-lg text-ink-muted">
        Each service has its own page: how many councils share it, what it saves year by year, how
        savings are spread between arrangements, typical partners, and the largest and newest
        arrangements. Here each arrangement is counted once, under its main service, so the rows add
        up to the national picture.
      </p>
      <p className="mt-3 max-w-3xl">
        To see which of these services particular councils share, and what their share of the
        savings is, <Link href="/compare">compare up to six councils side by side</Link>.
      </p>
      <DataTable
        id="services"
        regionClassName="mt-8"
        testId="services-table"
        caption="Services, with the shared arrangements whose main service it is, today"
        columns={[
          {
            label: "Service",
            rowHeader: true,
            cell: (r) => (
              <>
                <Link href={`/services/${r.slug}`}>{r.name}</Link>
                <span className="block text-sm font-normal text-ink-muted">{r.description}</span>
              </>
            ),
          },
          {
            label: "Arrangements",
            numeric: true,
            cell: (r) => r.arrangements.toLocaleString("en-GB"),
          },
          { label: "Savings", numeric: true, cell: (r) => formatHeadlinePounds(r.totalPence) },
        ]}
        rows={rows}
        rowKey={(r) => r.slug}
      />
    </>
  );
}
