import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SuccessPanel } from "@/components/forms/success-panel";
import { getForEdit } from "@/lib/arrangements/queries";
import { canDo, STATUS_LABELS } from "@/lib/arrangements/state";
import { requireUser } from "@/lib/auth/access";
import { benefitLabel, serviceCategoryBySlug } from "@/lib/categories";
import { financialYearLabel } from "@/lib/financial-year";
import { formatDateTime, formatLongDate } from "@/lib/format/dates";
import { formatPence, parsePounds } from "@/lib/money";
import { organisationNames } from "@/lib/workspace/organisations";
import {
  deleteDraftAction,
  discardChangesAction,
  submitForReviewAction,
  withdrawSubmissionAction,
} from "../../actions";
import { CommandButton } from "../../command-button";
import { NOTICES, type Notice } from "../../form-state";
import { arrangementIdParam } from "../arrangement-id";

export const metadata: Metadata = { title: "Preview an arrangement" };

const STAGE_LABELS: Record<string, string> = {
  planned: "Planned",
  operational: "Operational",
  ended: "Ended",
};

export default async function PreviewArrangementPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const id = arrangementIdParam((await params).id);
  const arrangement = await getForEdit(user, id);
  if (!arrangement) notFound();
  const { notice } = await searchParams;
  const noticeText =
    typeof notice === "string" && notice in NOTICES ? NOTICES[notice as Notice] : null;

  const { values, status, baseVersion, arrangementId } = arrangement;
  const names = await organisationNames(values.partners);
  const savings = values.savingsYear
    .map((year, i) => {
      const amount = parsePounds(values.savingsAmount[i] ?? "");
      return {
        year: Number(year),
        pence: amount.ok ? amount.pence : 0n,
        kind: values.savingsKind[i] ?? "",
      };
    })
    .sort((a, b) => a.year - b.year);
  const total = savings.reduce((sum, s) => sum + s.pence, 0n);
  const further = values.furtherCategories.map((s) => serviceCategoryBySlug(s)?.name ?? s);
  const command = { arrangementId, baseVersion };

  return (
    <div className="max-w-4xl">
      {noticeText ? <SuccessPanel title={noticeText} /> : null}
      <p className="mb-4">
        <Link href="/workspace">Back to your workspace</Link>
      </p>

      <section aria-labelledby="status-heading" className="mb-8 border border-rule bg-surface p-4">
        <h2 id="status-heading" className="text-xl font-bold">
          Status: {STATUS_LABELS[status]}
        </h2>
        <p className="mt-1 text-ink-muted">
          Version {arrangement.revision.version}.{" "}
          {arrangement.editable
            ? "Below is how the public will see it once it is approved."
            : "It is waiting for review and cannot be changed unless you withdraw it."}
        </p>
        {arrangement.reviewNote !== null ? (
          <div className="mt-3 border-l-8 border-error bg-paper p-3">
            <p className="font-semibold">
              Returned with comments
              {arrangement.reviewedAt ? ` on ${formatDateTime(arrangement.reviewedAt)}` : ""}
            </p>
            <p className="whitespace-pre-line">{arrangement.reviewNote}</p>
          </div>
        ) : null}
        <div className="mt-4 flex flex-wrap items-start gap-4">
          {arrangement.editable ? (
            <Link href={`/workspace/${arrangementId}/edit`} className="button button-secondary">
              Edit
            </Link>
          ) : null}
          {canDo("submit", status) ? (
            <CommandButton action={submitForReviewAction} {...command} label="Submit for review" />
          ) : null}
          {canDo("withdraw", status) ? (
            <CommandButton
              action={withdrawSubmissionAction}
              {...command}
              label="Withdraw from review"
              variant="secondary"
            />
          ) : null}
          {canDo("discard-changes", status) ? (
            <CommandButton
              action={discardChangesAction}
              {...command}
              label="Discard pending changes"
              variant="warning"
            />
          ) : canDo("delete-draft", status) ? (
            <CommandButton
              action={deleteDraftAction}
              {...command}
              label="Delete draft"
              variant="warning"
            />
          ) : null}
        </div>
      </section>

      <article aria-labelledby="arrangement-title">
        <p className="text-ink-muted">Preview</p>
        <h1 id="arrangement-title" className="text-3xl font-bold">
          {values.title}
        </h1>
        <p className="mt-4 max-w-2xl whitespace-pre-line">{values.description}</p>

        <dl className="mt-6 grid grid-cols-1 gap-x-6 gap-y-2 border-t border-rule pt-4 sm:grid-cols-[14rem_1fr]">
          <dt className="font-semibold">Lead organisation</dt>
          <dd>{arrangement.lead.name}</dd>
          <dt className="font-semibold">Partners</dt>
          <dd>
            <ul>
              {values.partners.map((code) => (
                <li key={code}>{names.get(code) ?? code}</li>
              ))}
            </ul>
          </dd>
          <dt className="font-semibold">Service</dt>
          <dd>{serviceCategoryBySlug(values.mainCategory)?.name ?? values.mainCategory}</dd>
          {further.length ? (
            <>
              <dt className="font-semibold">Also covers</dt>
              <dd>{further.join(", ")}</dd>
            </>
          ) : null}
          <dt className="font-semibold">Stage</dt>
          <dd>{STAGE_LABELS[values.stage] ?? values.stage}</dd>
          <dt className="font-semibold">Started</dt>
          <dd>{values.startDate ? formatLongDate(values.startDate) : "Not yet"}</dd>
          {values.endDate ? (
            <>
              <dt className="font-semibold">Ended</dt>
              <dd>{formatLongDate(values.endDate)}</dd>
            </>
          ) : null}
        </dl>

        <h2 className="mt-8 text-2xl font-bold">Savings</h2>
        {savings.length ? (
          <table className="mt-3 w-full max-w-xl border-collapse text-left">
            <caption className="sr-only">Savings by financial year</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">
                  Financial year
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  Saving
                </th>
                <th scope="col" className="py-2">
                  Actual or forecast
                </th>
              </tr>
            </thead>
            <tbody>
              {savings.map((s) => (
                <tr key={s.year} className="border-b border-rule">
                  <td className="py-2 pr-4">{financialYearLabel(s.year)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatPence(s.pence)}</td>
                  <td className="py-2 capitalize">{s.kind}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-ink font-semibold">
                <th scope="row" className="py-2 pr-4">
                  Total
                </th>
                <td className="py-2 pr-4 text-right tabular-nums">{formatPence(total)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        ) : (
          <p className="mt-2 max-w-2xl">
            No savings figure.{" "}
            {values.noSavingsReason ? (
              <span className="whitespace-pre-line">{values.noSavingsReason}</span>
            ) : null}
          </p>
        )}

        {values.benefits.length ? (
          <>
            <h2 className="mt-8 text-2xl font-bold">Other benefits</h2>
            <ul className="mt-2 list-disc pl-6">
              {values.benefits.map((b) => (
                <li key={b}>{benefitLabel(b) ?? b}</li>
              ))}
            </ul>
          </>
        ) : null}

        {values.contactName || values.contactEmail ? (
          <>
            <h2 className="mt-8 text-2xl font-bold">Contact</h2>
            <p className="mt-2">
              {values.contactName}
              {values.contactEmail ? (
                <>
                  {values.contactName ? <br /> : null}
                  <a href={`mailto:${values.contactEmail}`} className="wrap-anywhere">
                    {values.contactEmail}
                  </a>
                </>
              ) : null}
            </p>
          </>
        ) : null}
      </article>
    </div>
  );
}
