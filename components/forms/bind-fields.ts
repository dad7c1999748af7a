/*
 * One way to wire a form's fields to what they should show: `const field = bindFields(state)`,
 * then `<TextField {...field("email")} label="Email address" />`. Each field gets its name, its
 * error, the value to show (what was typed and sent back, else `fallback`) and a reset key, so
 * an uncontrolled field shows the new value whenever the server answers. Works for action forms
 * (useActionState's FormState) and GET forms (the address's values and errors) alike. A plain
 * module: server components (GET forms) and client components (action forms) both call it.
 */

type Values = { [name: string]: string | readonly string[] | undefined };

/** What a form knows: the values to show, messages by field, and whether it just succeeded. */
export type FormSource = {
  values?: Values;
  errors?: Record<string, string>;
  ok?: boolean;
};

export type FieldBinding = {
  name: string;
  defaultValue: string;
  error?: string;
  resetKey: string;
};

export type ListBinding = {
  name: string;
  defaultValues: readonly string[];
  error?: string;
  resetKey: string;
};

export type FieldBinder = ((name: string) => FieldBinding) & {
  /** For a field sending several values (checkboxes). */
  list: (name: string) => ListBinding;
};

export function bindFields(
  source: FormSource,
  fallback: Values = {},
  /** After a success, show `fallback` again rather than what was typed (a form that resets). */
  { clearOnSuccess = false }: { clearOnSuccess?: boolean } = {},
): FieldBinder {
  const typed = clearOnSuccess && source.ok ? undefined : source.values;
  const raw = (name: string) => typed?.[name] ?? fallback[name];
  const resetKey = (value: unknown) => `${JSON.stringify(value ?? "")}${source.ok ? "-saved" : ""}`;
  const field = (name: string): FieldBinding => {
    const value = raw(name);
    const defaultValue = typeof value === "string" ? value : "";
    return { name, defaultValue, error: source.errors?.[name], resetKey: resetKey(defaultValue) };
  };
  field.list = (name: string): ListBinding => {
    const value = raw(name);
    const defaultValues = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
    return { name, defaultValues, error: source.errors?.[name], resetKey: resetKey(defaultValues) };
  };
  return field;
}
