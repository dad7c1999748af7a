import { bindFields } from "@/components/forms/bind-fields";
import { FilterForm } from "@/components/forms/filter-form";
import { TextField } from "@/components/forms/text-field";

export function OutboxFilterForm({ to }: { to?: string }) {
  const field = bindFields({ values: { to } });
  return (
    <FilterForm
      action="/admin/outbox"
      label="Outbox"
      submitLabel="Show messages"
      clearLabel="Show all"
      columns={1}
    >
      <TextField
        {...field("to")}
        label="Sent to"
        hint="The full email address, in any case."
        type="email"
        spellCheck={false}
      />
    </FilterForm>
  );
}
