/**
 * The element id for a form field name ("savings.0.amount" → "field-savings-0-amount"). In its
 * own plain module so server components (Field, ChoiceGroup, server-rendered GET forms) can call
 * it: a function exported from a "use client" file is only a reference on the server.
 */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]+/g, "-")}`;
}
