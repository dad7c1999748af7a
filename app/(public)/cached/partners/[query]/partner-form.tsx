import { bindFields } from "@/components/forms/bind-fields";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FieldList } from "@/components/forms/field-list";
import type { SelectGroup, SelectOption } from "@/components/forms/select-field";

/**
 * The partner finder's question as a GET form: it works without JavaScript and its answer has
 * a shareable address (/partners?council=…&category=…). Errors follow the GOV.UK pattern.
 */
export function PartnerForm({
  councils,
  categories,
  council,
  category,
  errors,
  message,
}: {
  councils: SelectGroup[];
  categories: SelectOption[];
  council?: string;
  category?: string;
  errors: Record<string, string>;
  /** A problem with no field of its own (the page number). */
  message?: string;
}) {
  const field = bindFields({ values: { council, category }, errors });
  return (
    <form method="get" action="/partners" className="no-print mt-6" noValidate>
      <ErrorSummary errors={errors} message={message} fieldOrder={["council", "category"]} />
      <div className="grid gap-x-8 md:grid-cols-2">
        <FieldList
          field={field}
          fields={[
            {
              name: "council",
              label: "Your council",
              hint: "Councils in England today, by region",
              placeholder: "Choose a council",
              groups: councils,
            },
            {
              name: "category",
              label: "The service you want to share",
              placeholder: "Choose a service",
              options: categories,
            },
          ]}
        />
      </div>
      <button type="submit" className="button">
        Find councils
      </button>
    </form>
  );
}
