import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SuccessPanel } from "@/components/forms/success-panel";
import { BackLink } from "@/components/page-header";
import { getForEdit } from "@/lib/arrangements/queries";
import { requireUser } from "@/lib/auth/access";
import { organisationNames } from "@/lib/workspace/organisations";
import { noticeText } from "../../form-state";
import { arrangementIdParam } from "../arrangement-id";
import { PreviewArticle } from "./preview-article";
import { StatusPanel } from "./status-panel";

export const metadata: Metadata = { title: "Preview an arrangement" };

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
  const partnerNames = await organisationNames(arrangement.values.partners);

  return (
    <div className="max-w-4xl">
      {notice ? <SuccessPanel title={notice} /> : null}
      <BackLink href="/workspace">Back to your workspace</BackLink>
      <StatusPanel arrangement={arrangement} />
      <PreviewArticle
        values={arrangement.values}
        leadName={arrangement.lead.name}
        partnerNames={partnerNames}
      />
    </div>
  );
}
