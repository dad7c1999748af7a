import { ChoiceGroup } from "./choice-group";

/** Any number of answers, as checkboxes sent as a list (GOV.UK pattern). */
export function Checkboxes({
  defaultValues = [],
  ...props
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  defaultValues?: readonly string[];
  options: readonly { value: string; label: string }[];
}) {
  return <ChoiceGroup type="checkbox" checked={defaultValues} {...props} />;
}
