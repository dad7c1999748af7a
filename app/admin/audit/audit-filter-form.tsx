import { bindFields } from "@/components/forms/bind-fields";
import { FilterForm } from "@/components/forms/filter-form";
import { SelectField, type SelectGroup, type SelectOption } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";

/** The audit log's filters; the CSV export reads the same address. */
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
  const field = bindFields({ values, errors });
  return (
    <FilterForm
      action="/admin/audit"
      label="Audit log"
      submitLabel="Show events"
      errors={errors}
      fieldOrder={["from", "to"]}
    >
      <SelectField
        {...field("organisation")}
        label="Organisation"
        placeholder="Any organisation"
        groups={organisationGroups}
      />
      <SelectField {...field("user")} label="User" placeholder="Anyone" options={users} />
      <SelectField {...field("action")} label="Action" placeholder="Any action" options={actions} />
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        <TextField
          {...field("from")}
          label="Date from"
          hint="For example, 2017-03-31"
          type="date"
        />
        <TextField {...field("to")} label="Date to" hint="Inclusive, UK time" type="date" />
      </div>
    </FilterForm>
  );
}
