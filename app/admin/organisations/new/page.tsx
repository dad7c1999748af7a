import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/access";
import { REGIONS } from "@/lib/public/regions";
import { BodyForm } from "../organisation-forms";

export const metadata: Metadata = { title: "Add an organisation" };

const EMPTY = {
  code: "",
  kind: "",
  name: "",
  shortName: "",
  region: "",
  startDate: "",
  endDate: "",
};

export default async function NewOrganisationPage() {
  await requireAdmin();
  return (
    <div className="max-w-2xl">
      <PageHeader
        title="Add an organisation"
        back={{ href: "/admin/organisations", label: "Back to organisations" }}
      >
        A public body councils share services with. Councils themselves come from the ONS reference
        data and are not added here.
      </PageHeader>
      <BodyForm current={EMPTY} regions={REGIONS.map((r) => ({ value: r.name, label: r.name }))} />
    </div>
  );
}
