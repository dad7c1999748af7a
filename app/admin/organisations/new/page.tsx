import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/access";
import { REGIONS } from "@/lib/public/regions";
import { BodyForm } from "../organisation-forms";

export const metadata: Metadata = { title: "Add an organisation" };

export default async function NewOrganisationPage() {
  await requireAdmin();
  return (
    <div className="max-w-2xl">
      <p className="mb-4">
        <Link href="/admin/organisations">Back to organisations</Link>
      </p>
      <h1 className="text-3xl font-bold">Add an organisation</h1>
      <p className="mt-2 mb-6 text-ink-muted">
        A public body councils share services with. Councils themselves come from the ONS reference
        data and are not added here.
      </p>
      <BodyForm
        current={{
          code: "",
          kind: "",
          name: "",
          shortName: "",
          region: "",
          startDate: "",
          endDate: "",
        }}
        regions={REGIONS.map((r) => ({ value: r.name, label: r.name }))}
      />
    </div>
  );
}
