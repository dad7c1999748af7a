import { ChoiceGroup } from "./choice-group";

/** One answer from a few, as radio buttons (GOV.UK pattern). */
export function Radios({
  defaultValue,
  ...props
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  options: { value: string; label: string; hint?: string }[];
}) {
  return <ChoiceGroup type="radio" checked={defaultValue ? [defaultValue] : []} {...props} />;
}
