import { echoValues, type FormState, type FormValues } from "@/lib/auth/access";
import type { CommandResult } from "./commands";

/**
 * A command's result as a form's state: the confirmation on success (the form is then shown
 * empty or replaced), the errors and what was typed (never passwords) on failure.
 */
export function toFormState(result: CommandResult, values: FormValues): FormState {
  if (result.ok) return { ok: true, message: result.message };
  return { message: result.message, errors: result.errors, values: echoValues(values) };
}
