import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/access";
import { organisationGroups } from "@/lib/users/labels";
import { getUser, organisationOptions } from "@/lib/users/queries";
import { LinkSection, ManageSections, UserFacts } from "./user-sections";

export const metadata: Metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdmin();
  const { id } = await params;
  const user = /^\d{1,10}$/.test(id) ? await getUser(admin, Number(id)) : null;
  if (!user) notFound();
  const groups = organisationGroups(await organisationOptions({ include: user.organisationId }));

  return (
    <div className="max-w-3xl">
      <PageHeader title={user.name} back={{ href: "/admin/users", label: "Back to users" }} />
      <UserFacts user={user} />
      {user.id === admin.id ? (
        <p className="mt-8 border-l-4 border-rule-strong bg-surface p-4">
          This is your own account. Another administrator must change your role or disable it;
          change your name and password on <Link href="/account">your account page</Link>.
        </p>
      ) : (
        <ManageSections user={user} groups={groups} />
      )}
      <LinkSection user={user} />
    </div>
  );
}
