import { bindFields } from "@/components/forms/bind-fields";
import { FilterForm } from "@/components/forms/filter-form";
import { SelectField, type SelectGroup } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { ROLE_LABELS, STATUS_LABELS } from "@/lib/users/labels";

const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));
const STATUS_OPTIONS = (["active", "invited", "disabled"] as const).map((value) => ({
  value,
  label: STATUS_LABELS[value],
}));

export function UsersSearchForm({
  values,
  organisationGroups,
}: {
  values: { q?: string; organisation?: string; role?: string; status?: string };
  organisationGroups: SelectGroup[];
}) {
  const field = bindFields({ values });
  return (
    <FilterForm action="/admin/users" label="Users" submitLabel="Search">
      <TextField {...field("q")} label="Name or email address" type="search" spellCheck={false} />
      <SelectField
        {...field("organisation")}
        label="Organisation"
        placeholder="Any organisation"
        groups={organisationGroups}
      />
      <SelectField {...field("role")} label="Role" placeholder="Any role" options={ROLE_OPTIONS} />
      <SelectField
        {...field("status")}
        label="Status"
        placeholder="Any status"
        options={STATUS_OPTIONS}
      />
    </FilterForm>
  );
}
