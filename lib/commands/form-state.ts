import { echoValues, type FormState, type FormValues } from "@/lib/auth/access";
import { isInvalid, type CommandResult, type Failure } from "./result";

/**
 * A command's result as a form's state: the confirmation on success (the form is then shown
 * empty or replaced); on failure what was typed (never passwords) and either the field errors,
 * which speak for themselves beside their fields, or the one message.
 */
export function toFormState(result: CommandResult<object, Failure>, values: FormValues): FormState {
  if (result.ok) return { ok: true, message: result.message };
  if (isInvalid(result)) return { errors: result.errors, values: echoValues(values) };
  return { message: result.message, values: echoValues(values) };
}
