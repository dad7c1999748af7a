import { bindFields } from "@/components/forms/bind-fields";
import { FilterForm } from "@/components/forms/filter-form";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { BODY_KINDS, KIND_LABELS } from "@/lib/organisations/schemas";

const KIND_OPTIONS = (["council", ...BODY_KINDS] as const).map((k) => ({
  value: k,
  label: KIND_LABELS[k],
}));

const STATUS_OPTIONS = [
  { value: "current", label: "Operating today" },
  { value: "ended", label: "Ended" },
];

export function OrganisationsSearchForm({
  values,
}: {
  values: { q?: string; kind?: string; status?: string };
}) {
  const field = bindFields({ values });
  return (
    <FilterForm
      action="/admin/organisations"
      label="Organisations"
      submitLabel="Search"
      columns={3}
    >
      <TextField {...field("q")} label="Name or code" type="search" spellCheck={false} />
      <SelectField {...field("kind")} label="Kind" placeholder="Any kind" options={KIND_OPTIONS} />
      <SelectField
        {...field("status")}
        label="Still operating?"
        placeholder="Either"
        options={STATUS_OPTIONS}
      />
    </FilterForm>
  );
}
