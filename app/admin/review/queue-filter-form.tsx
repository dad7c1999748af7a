import { bindFields } from "@/components/forms/bind-fields";
import { FilterForm } from "@/components/forms/filter-form";
import { SelectField, type SelectOption } from "@/components/forms/select-field";
import { SERVICE_CATEGORIES } from "@/lib/categories";
import { REGIONS } from "@/lib/public/regions";

const REGION_OPTIONS = REGIONS.map((r) => ({ value: r.slug, label: r.name }));
const CATEGORY_OPTIONS = SERVICE_CATEGORIES.map((c) => ({ value: c.slug, label: c.name }));
const KIND_OPTIONS = [
  { value: "new", label: "New arrangements" },
  { value: "edit", label: "Changes to published arrangements" },
];

export function QueueFilterForm({
  values,
  organisations,
}: {
  values: { organisation?: string; region?: string; category?: string; kind?: string };
  organisations: SelectOption[];
}) {
  const field = bindFields({ values });
  return (
    <FilterForm action="/admin/review" label="Review queue" submitLabel="Filter">
      <SelectField
        {...field("organisation")}
        label="Organisation"
        placeholder="Any organisation"
        options={organisations}
      />
      <SelectField
        {...field("region")}
        label="Region"
        placeholder="Any region"
        options={REGION_OPTIONS}
      />
      <SelectField
        {...field("category")}
        label="Service category"
        placeholder="Any category"
        options={CATEGORY_OPTIONS}
      />
      <SelectField
        {...field("kind")}
        label="New or edit"
        placeholder="Both"
        options={KIND_OPTIONS}
      />
    </FilterForm>
  );
}
