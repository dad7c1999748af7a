import { ChoiceGroup, type Choice } from "./choice-group";

/** Any number of answers, as checkboxes sent as a list (GOV.UK pattern). */
export function Checkboxes({
  defaultValues = [],
  ...props
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  resetKey?: string;
  defaultValues?: readonly string[];
  options: readonly Choice[];
}) {
  return <ChoiceGroup type="checkbox" checked={defaultValues} {...props} />;
}
