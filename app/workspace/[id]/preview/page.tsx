import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SuccessPanel } from "@/components/forms/success-panel";
import { BackLink } from "@/components/page-header";
import { previewOf } from "@/lib/arrangements/preview";
import { getForEdit } from "@/lib/arrangements/queries";
import { requireUser } from "@/lib/auth/access";
import { nowPartOf } from "@/lib/organisations/successors";
import { ArrangementArticle } from "../../../(public)/arrangements/[slug]/arrangement-article";
import { noticeText } from "../../form-state";
import { arrangementIdParam } from "../arrangement-id";
import { StatusPanel } from "./status-panel";

export const metadata: Metadata = { title: "Preview an arrangement" };

/**
 * Where the arrangement stands (status, completeness, commands), then the public arrangement
 * page itself, rendered by its own components from the draft (lib/arrangements/preview.ts)
 * under a "Preview" band.
 */
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
  const notice = noticeText((await searchParams).notice);
  const preview = await previewOf(arrangement);
  const successors = await nowPartOf(preview.arrangement.organisations.map((o) => o.code));

  return (
    <div className="max-w-4xl">
      {notice ? <SuccessPanel title={notice} /> : null}
      <BackLink href="/workspace">Back to your workspace</BackLink>
      <StatusPanel arrangement={arrangement} />
      <ArrangementArticle
        arrangement={preview.arrangement}
        successors={successors}
        preview={preview.gaps}
      />
    </div>
  );
}
