import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { SelectOption } from "@/components/forms/select-field";
import { SuccessPanel } from "@/components/forms/success-panel";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/access";
import { councilChoices, getOrganisation } from "@/lib/organisations/queries";
import { REGIONS } from "@/lib/public/regions";
import { EditSection, OrganisationFacts, ReplacedSection } from "./organisation-sections";
import { MoveEditorsSection, SharesSection } from "./succession-sections";

export const metadata: Metadata = { title: "Organisation" };

/** England's nine regions, and a body's own region that is not one of them (NHS regions). */
function regionChoices(own: string | null): SelectOption[] {
  const regions: SelectOption[] = REGIONS.map((r) => ({ value: r.name, label: r.name }));
  if (own && !regions.some((r) => r.value === own)) regions.push({ value: own, label: own });
  return regions;
}

export default async function OrganisationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requireAdmin();
  const { id } = await params;
  const organisation = /^\d{1,9}$/.test(id) ? await getOrganisation(admin, Number(id)) : null;
  if (!organisation) notFound();
  const { notice } = await searchParams;

  return (
    <div className="max-w-3xl">
      {notice === "created" ? <SuccessPanel title={`${organisation.name} has been added`} /> : null}
      {notice === "reorganised" ? (
        <SuccessPanel title="The reorganisation has been recorded">
          <p>
            {organisation.name} and any other new councils are formed on the vesting day; the
            councils they take over from are listed below.
          </p>
        </SuccessPanel>
      ) : null}
      <PageHeader
        title={organisation.name}
        back={{ href: "/admin/organisations", label: "Back to organisations" }}
      />
      <OrganisationFacts organisation={organisation} />
      <SharesSection organisation={organisation} />
      <MoveEditorsSection organisation={organisation} />
      {organisation.kind !== "council" ? (
        <EditSection organisation={organisation} regions={regionChoices(organisation.region)} />
      ) : organisation.successors.length < 2 ? (
        // A split is corrected through its shares: recording one successor would undo it.
        <ReplacedSection
          organisation={organisation}
          councils={await councilChoices(admin, organisation.id)}
        />
      ) : null}
    </div>
  );
}
