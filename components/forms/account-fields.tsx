import type { FieldBinder } from "./bind-fields";
import { TextField } from "./text-field";

export const NEW_PASSWORD_HINT =
  "At least 12 characters. Several unrelated words together make a strong password that is easy to remember.";

/** A new password and its confirmation (choosing one from a link, or changing one's own). */
export function NewPasswordFields({
  field,
  name,
  hint = NEW_PASSWORD_HINT,
}: {
  field: FieldBinder;
  /** The new password's field name; its confirmation is always `confirmPassword`. */
  name: string;
  hint?: string;
}) {
  return (
    <>
      <TextField
        {...field(name)}
        label="New password"
        hint={hint}
        type="password"
        autoComplete="new-password"
      />
      <TextField
        {...field("confirmPassword")}
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
      />
    </>
  );
}

/** The address someone signs in with. */
export function EmailField({ field, hint }: { field: FieldBinder; hint?: string }) {
  return (
    <TextField
      {...field("email")}
      label="Email address"
      hint={hint}
      type="email"
      autoComplete="username"
      spellCheck={false}
    />
  );
}
