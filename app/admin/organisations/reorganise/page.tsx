import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/access";
import { REGIONS } from "@/lib/public/regions";
import { ReorganisationForm } from "../reorganisation-forms";

export const metadata: Metadata = { title: "Record a reorganisation" };

export default async function ReorganisePage() {
  await requireAdmin();
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Record a reorganisation"
        back={{ href: "/admin/organisations", label: "Back to organisations" }}
      >
        Councils that end on the day before the vesting day, and the new councils formed on it.
        Their arrangements stay as they were recorded: from the vesting day the register counts them
        for the new councils, and you can move the old councils’ editors to them.
      </PageHeader>
      <h2 className="mb-2 text-2xl font-bold">How councils pass to the new ones</h2>
      <ul className="mb-8 list-disc space-y-1 pl-6">
        <li>
          A council listed under one new council becomes part of it whole (a merger, like the
          districts of North Yorkshire).
        </li>
        <li>
          A council listed under several is divided between them (a split, like Northamptonshire
          County Council). Give its percentage on each line, adding up to 100%; without them it is
          shared by the new councils’ populations, or equally when a population is missing. You can
          change the shares later.
        </li>
      </ul>
      <ReorganisationForm regions={REGIONS.map((r) => ({ value: r.name, label: r.name }))} />
    </div>
  );
}
