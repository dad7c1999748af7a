import "server-only";
import { passwordProblem } from "@/lib/auth/password";
import type { FieldErrors } from "@/lib/commands/result";

/** Field errors for a new password: the policy first, then the confirmation. */
export function newPasswordErrors(
  password: string,
  confirm: string | undefined,
  names: { password: string; confirm: string },
): FieldErrors | null {
  const problem = passwordProblem(password);
  if (problem) return { [names.password]: problem };
  if (confirm === undefined) return null;
  if (confirm === "") return { [names.confirm]: "Confirm your new password" };
  if (confirm !== password) return { [names.confirm]: "Enter the same password in both boxes" };
  return null;
}
