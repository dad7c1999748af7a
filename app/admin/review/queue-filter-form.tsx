"use client";

import Link from "next/link";
import { SelectField, type SelectOption } from "@/components/forms/select-field";

/** A GET form: the queue's filters live in the address, so a view can be bookmarked and shared. */
export function QueueFilterForm({
  organisation,
  region,
  category,
  kind,
  organisations,
  regions,
  categories,
}: {
  organisation?: string;
  region?: string;
  category?: string;
  kind?: string;
  organisations: SelectOption[];
  regions: SelectOption[];
  categories: SelectOption[];
}) {
  return (
    <form
      method="get"
      action="/admin/review"
      role="search"
      aria-label="Review queue"
      className="mb-8 bg-surface p-4"
    >
      <div className="grid gap-x-6 md:grid-cols-2">
        <SelectField
          name="organisation"
          label="Organisation"
          placeholder="Any organisation"
          options={organisations}
          defaultValue={organisation ?? ""}
        />
        <SelectField
          name="region"
          label="Region"
          placeholder="Any region"
          options={regions}
          defaultValue={region ?? ""}
        />
        <SelectField
          name="category"
          label="Service category"
          placeholder="Any category"
          options={categories}
          defaultValue={category ?? ""}
        />
        <SelectField
          name="kind"
          label="New or edit"
          placeholder="Both"
          options={[
            { value: "new", label: "New arrangements" },
            { value: "edit", label: "Changes to published arrangements" },
          ]}
          defaultValue={kind ?? ""}
        />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="button">
          Filter
        </button>
        <Link href="/admin/review">Clear filters</Link>
      </div>
    </form>
  );
}
