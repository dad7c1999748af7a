import Link from "next/link";
import { ArrangementHistoryView } from "@/components/arrangement-history";
import { BenefitsSection, ContactSection } from "@/components/arrangement/benefits-and-contact";
import { IllustrativeNotice, IllustrativeTag } from "@/components/arrangement/illustrative-notice";
import type { PreviewGaps } from "@/lib/arrangements/preview";
import type { Successor } from "@/lib/organisations/successors";
import type { ArrangementDetail } from "@/lib/public/arrangements";
import type { ArrangementHistory } from "@/lib/public/history";
import { ArrangementFacts } from "./arrangement-facts";
import { SavingsSection } from "./savings-section";

/** Says, above the page's own content, that this is a draft's preview and not published. */
function PreviewBand() {
  return (
    <p
      className="mb-6 border-l-8 border-brand bg-surface p-3 text-lg font-bold"
      data-testid="preview-band"
    >
      Preview: not published. This is the public page as it will read once an administrator approves
      this version.
    </p>
  );
}

/**
 * The public arrangement page's content: the page itself (./page.tsx) and the workspace's
 * preview of a draft (`preview` set: a band says so, and what is not chosen yet or not yet
 * published is said in words) render this one component, so the preview is the page.
 */
export function ArrangementArticle({
  arrangement: a,
  successors,
  history,
  preview,
}: {
  arrangement: ArrangementDetail;
  successors: Record<string, Successor[]>;
  history?: ArrangementHistory | null;
  preview?: PreviewGaps;
}) {
  return (
    <article aria-labelledby="arrangement-title" className="max-w-4xl">
      {preview ? (
        <PreviewBand />
      ) : (
        <p className="no-print mb-4">
          <Link href="/arrangements">All arrangements</Link>
        </p>
      )}
      {a.isIllustrative ? <IllustrativeNotice /> : null}

      <p className="font-semibold text-ink-muted">
        {a.mainCategory.name}
        {a.isIllustrative ? (
          <>
            {" "}
            <IllustrativeTag />
          </>
        ) : null}
      </p>
      <h1 id="arrangement-title" className="mt-1 text-3xl font-bold text-brand sm:text-4xl">
        {a.title}
      </h1>
      <div className="mt-4 max-w-3xl text-lg whitespace-pre-line">{a.description}</div>

      <ArrangementFacts arrangement={a} successors={successors} preview={preview} />
      <SavingsSection arrangement={a} />
      <BenefitsSection benefits={a.benefits} />
      <ContactSection name={a.contactName} email={a.contactEmail} />
      {history ? <ArrangementHistoryView history={history} /> : null}

      {preview ? null : (
        <p className="no-print mt-10 text-sm text-ink-muted">
          This arrangement as open data: <a href={`/api/v1/arrangements/${a.slug}`}>JSON</a> (
          <Link href="/data/api">how the API works</Link>).
        </p>
      )}
    </article>
  );
}
