import type { Metadata } from "next";
import Link from "next/link";
import { RoundingNote } from "@/components/rounding-note";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import { lgaEditions } from "@/lib/editions/lga";
import { getEditions } from "@/lib/editions/queries";
import { prerenderingAtBuild } from "../prerender";
import { EditionsCharts } from "./editions-charts";
import { LgaEditionsTable, RegisterEditionsTable } from "./editions-tables";

export const metadata: Metadata = {
  title: "Editions: the register over time",
  description:
    "Each edition of the register is the national picture as it stood on a date, shown beside " +
    "the figures the Local Government Association published for its shared services map.",
};

// Cached whole (ISR): rendered on first request, and dropped whenever the register changes or
// an edition is named (lib/cache/public-cache.ts).
export const revalidate = 3600;

export default async function EditionsPage() {
  if (prerenderingAtBuild()) return null;
  const editions = await getEditions();
  const lga = lgaEditions();
  const latest = editions.at(-1);

  return (
    <>
      <h1 className="text-3xl font-bold text-brand sm:text-4xl">
        Editions: the register over time
      </h1>
      <p className="mt-3 max-w-3xl text-lg text-ink-muted">
        An edition is the register as it stood at a moment: the arrangements published then, with
        the savings recorded then. It is worked out from the history of approvals, so a later change
        never alters an edition, and by the register&apos;s rule for councils that merge or split:
        an arrangement whose partners had all become one council by then is no longer counted as
        shared, though its earlier savings are (see{" "}
        <Link href="/about#successors" className="underline">
          how successors are counted
        </Link>
        ). Beside them are the headline figures the Local Government Association published for its
        shared services map, with their sources.
      </p>

      {latest ? (
        <IllustrativeBanner
          illustrativeCount={latest.figures.illustrative}
          totalCount={latest.figures.arrangements}
        />
      ) : null}

      <EditionsCharts editions={editions} lga={lga} />

      <section aria-labelledby="ours-heading" className="mt-12">
        <h2 id="ours-heading" className="text-2xl font-bold">
          This register&apos;s editions
        </h2>
        {editions.length === 0 ? (
          <p className="mt-3">No editions have been published yet.</p>
        ) : (
          <RegisterEditionsTable editions={editions} />
        )}
      </section>

      <section aria-labelledby="lga-heading" className="mt-12">
        <h2 id="lga-heading" className="text-2xl font-bold">
          The LGA&apos;s published figures
        </h2>
        <p className="mt-2 max-w-3xl text-ink-muted">
          As the Local Government Association and the press reported them, edition by edition. These
          are facts from the sources named, not figures from this register.
        </p>
        <LgaEditionsTable lga={lga} />
        <RoundingNote />
      </section>
    </>
  );
}
