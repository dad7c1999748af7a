"use client";

import Link from "next/link";
import { SelectField, type SelectGroup } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";

/** A GET form: the filters live in the address, so a search can be bookmarked and shared. */
export function UsersSearchForm({
  q,
  role,
  status,
  organisationId,
  organisationGroups,
}: {
  q?: string;
  role?: string;
  status?: string;
  organisationId?: string;
  organisationGroups: SelectGroup[];
}) {
  return (
    <form
      method="get"
      action="/admin/users"
      role="search"
      aria-label="Users"
      className="mb-8 bg-surface p-4"
    >
      <div className="grid gap-x-6 md:grid-cols-2">
        <TextField
          name="q"
          label="Name or email address"
          type="search"
          defaultValue={q ?? ""}
          spellCheck={false}
        />
        <SelectField
          name="organisation"
          label="Organisation"
          placeholder="Any organisation"
          groups={organisationGroups}
          defaultValue={organisationId ?? ""}
        />
        <SelectField
          name="role"
          label="Role"
          placeholder="Any role"
          options={[
            { value: "council_editor", label: "Council editor" },
            { value: "admin", label: "Administrator" },
          ]}
          defaultValue={role ?? ""}
        />
        <SelectField
          name="status"
          label="Status"
          placeholder="Any status"
          options={[
            { value: "active", label: "Active" },
            { value: "invited", label: "Invited" },
            { value: "disabled", label: "Disabled" },
          ]}
          defaultValue={status ?? ""}
        />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="button">
          Search
        </button>
        <Link href="/admin/users">Clear filters</Link>
      </div>
    </form>
  );
}
