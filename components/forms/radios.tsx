import { ChoiceGroup, type Choice } from "./choice-group";
import type { FieldProps } from "./field";

/** One answer from a few, as radio buttons (GOV.UK pattern). */
export function Radios({
  defaultValue,
  ...props
}: Omit<FieldProps, "label"> & { legend: string; options: readonly Choice[] }) {
  return <ChoiceGroup type="radio" checked={defaultValue ? [defaultValue] : []} {...props} />;
}
