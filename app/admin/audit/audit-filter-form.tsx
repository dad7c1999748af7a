"use client";

import Link from "next/link";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField, type SelectGroup, type SelectOption } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";

/** A GET form: the audit log's filters live in the address (and the CSV export reads them). */
export function AuditFilterForm({
  values,
  errors,
  actions,
  users,
  organisationGroups,
}: {
  values: { organisation?: string; user?: string; action?: string; from?: string; to?: string };
  errors: Record<string, string>;
  actions: SelectOption[];
  users: SelectOption[];
  organisationGroups: SelectGroup[];
}) {
  return (
    <form
      method="get"
      action="/admin/audit"
      role="search"
      aria-label="Audit log"
      className="mb-8 bg-surface p-4"
      noValidate
    >
      <ErrorSummary errors={errors} fieldOrder={["from", "to"]} />
      <div className="grid gap-x-6 md:grid-cols-2">
        <SelectField
          name="organisation"
          label="Organisation"
          placeholder="Any organisation"
          groups={organisationGroups}
          defaultValue={values.organisation ?? ""}
        />
        <SelectField
          name="user"
          label="User"
          placeholder="Anyone"
          options={users}
          defaultValue={values.user ?? ""}
        />
        <SelectField
          name="action"
          label="Action"
          placeholder="Any action"
          options={actions}
          defaultValue={values.action ?? ""}
        />
        <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
          <TextField
            name="from"
            label="Date from"
            hint="For example, 2017-03-31"
            type="date"
            defaultValue={values.from ?? ""}
            error={errors.from}
          />
          <TextField
            name="to"
            label="Date to"
            hint="Inclusive, UK time"
            type="date"
            defaultValue={values.to ?? ""}
            error={errors.to}
          />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="button">
          Show events
        </button>
        <Link href="/admin/audit">Clear filters</Link>
      </div>
    </form>
  );
}
