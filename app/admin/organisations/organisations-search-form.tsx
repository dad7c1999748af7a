"use client";

import Link from "next/link";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { BODY_KINDS, KIND_LABELS } from "@/lib/organisations/schemas";

/** A GET form, so a search has its own address. */
export function OrganisationsSearchForm({
  q,
  kind,
  status,
}: {
  q?: string;
  kind?: string;
  status?: string;
}) {
  return (
    <form
      method="get"
      action="/admin/organisations"
      role="search"
      aria-label="Organisations"
      className="mb-8 bg-surface p-4"
    >
      <div className="grid gap-x-6 md:grid-cols-3">
        <TextField
          name="q"
          label="Name or code"
          type="search"
          defaultValue={q ?? ""}
          spellCheck={false}
        />
        <SelectField
          name="kind"
          label="Kind"
          placeholder="Any kind"
          options={(["council", ...BODY_KINDS] as const).map((k) => ({
            value: k,
            label: KIND_LABELS[k],
          }))}
          defaultValue={kind ?? ""}
        />
        <SelectField
          name="status"
          label="Still operating?"
          placeholder="Either"
          options={[
            { value: "current", label: "Operating today" },
            { value: "ended", label: "Ended" },
          ]}
          defaultValue={status ?? ""}
        />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="button">
          Search
        </button>
        <Link href="/admin/organisations">Clear filters</Link>
      </div>
    </form>
  );
}
