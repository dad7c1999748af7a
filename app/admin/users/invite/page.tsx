import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/access";
import { organisationGroups } from "@/lib/users/labels";
import { organisationOptions } from "@/lib/users/queries";
import { InviteForm } from "./invite-form";

export const metadata: Metadata = { title: "Invite a user" };

export default async function InviteUserPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
  // "Invite someone else" links here with ?after=<id>: a new key gives an empty form.
  const { after } = await searchParams;
  const groups = organisationGroups(await organisationOptions());
  return (
    <div className="max-w-2xl">
      <PageHeader title="Invite a user" back={{ href: "/admin/users", label: "Back to users" }}>
        They will get an email with a link to choose a password. Until they do, their account shows
        as invited.
      </PageHeader>
      <InviteForm key={typeof after === "string" ? after : ""} organisationGroups={groups} />
    </div>
  );
}
