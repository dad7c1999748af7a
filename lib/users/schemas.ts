import { z } from "zod";
import { nfc, refuseHiddenCharacters } from "@/lib/content-rules";

/*
 * Input rules for user management and account forms. One schema per command, shared by the
 * server action (which parses the submitted form) and the command in lib/users/commands/
 * (which parses again, so a direct caller cannot skip the rules). Each accepts form strings
 * as well as the typed values code passes.
 */

export const ROLES = ["council_editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** "12" or 12 → 12; "" or nothing → null. Anything else is left for the number check to refuse. */
function toId(value: unknown): unknown {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "string" && /^\d{1,9}$/.test(value.trim())) return Number(value.trim());
  return value;
}

const optionalId = (message: string) =>
  z.preprocess(toId, z.number({ error: message }).int(message).positive(message).nullable());

const requiredId = (message: string) =>
  z.preprocess(toId, z.number({ error: message }).int(message).positive(message));

export const emailField = z
  .string({ error: "Enter an email address" })
  .trim()
  .min(1, "Enter an email address")
  .max(320, "Email address must be 320 characters or fewer")
  .pipe(z.email("Enter an email address in the correct format, like name@example.org"));

/** A person's name: NFC, blanks collapsed, hidden characters refused (lib/content-rules.ts). */
export const nameField = z
  .string({ error: "Enter a full name" })
  .superRefine(refuseHiddenCharacters("Name"))
  .transform((s) => nfc(s).replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1, "Enter a full name").max(200, "Name must be 200 characters or fewer"));

const roleField = z.enum(ROLES, { error: "Select a role" });
const userIdField = requiredId("Choose a user");

/** Council editors belong to exactly one organisation; administrators to none. */
function organisationForRole(
  value: { role: Role; organisationId: number | null },
  ctx: z.RefinementCtx,
) {
  if (value.role === "council_editor" && value.organisationId === null) {
    ctx.addIssue({
      code: "custom",
      path: ["organisationId"],
      message: "Select the organisation a council editor works for",
    });
  }
}

export const inviteUserSchema = z
  .object({
    email: emailField,
    name: nameField,
    role: roleField,
    organisationId: optionalId("Select an organisation"),
  })
  .superRefine(organisationForRole);

export const changeRoleSchema = z
  .object({
    userId: userIdField,
    role: roleField,
    organisationId: optionalId("Select an organisation"),
  })
  .superRefine(organisationForRole);

export const changeOrganisationSchema = z.object({
  userId: userIdField,
  organisationId: requiredId("Select an organisation"),
});

/** Moving every editor of a council that ended to one of the councils that took over from it. */
export const moveEditorsSchema = z.object({
  predecessorId: requiredId("Choose a council"),
  successorId: requiredId("Select the council to move its editors to"),
});

export const setStatusSchema = z.object({
  userId: userIdField,
  status: z.enum(["active", "disabled"], { error: "Choose whether to enable or disable" }),
});

export const userIdSchema = z.object({ userId: userIdField });

export const requestPasswordResetSchema = z.object({ email: emailField });

/** The passwords themselves are checked against the policy in the command (passwordProblem). */
const newPasswordPair = {
  password: z.string({ error: "Enter a new password" }).min(1, "Enter a new password"),
  confirmPassword: z.string({ error: "Confirm your new password" }).max(1024).optional(),
};

export const setPasswordSchema = z.object({
  token: z.string({ error: "This link is not complete" }).trim().max(200),
  ...newPasswordPair,
});

export const updateNameSchema = z.object({ name: nameField });

export const changePasswordSchema = z.object({
  currentPassword: z
    .string({ error: "Enter your current password" })
    .min(1, "Enter your current password")
    .max(1024, "Password is too long"),
  newPassword: z.string({ error: "Enter a new password" }).min(1, "Enter a new password"),
  confirmPassword: z.string({ error: "Confirm your new password" }).max(1024).optional(),
});

export const listUsersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(["invited", "active", "disabled"]).optional().catch(undefined),
  organisationId: z.preprocess(toId, z.number().int().positive().nullable()).catch(null),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

/** An id as a form sends it ("12", "") or as code passes it (12, null). */
type IdInput = number | string | null | undefined;

// What the commands accept: the parsed output of a form, or typed values from code.
export type InviteUserInput = {
  email: string;
  name: string;
  role: Role;
  organisationId?: IdInput;
};
export type ChangeRoleInput = { userId: IdInput; role: Role; organisationId?: IdInput };
export type MoveEditorsInput = { predecessorId: IdInput; successorId: IdInput };
export type ChangeOrganisationInput = { userId: IdInput; organisationId: IdInput };
export type SetStatusInput = { userId: IdInput; status: "active" | "disabled" };
export type UserIdInput = { userId: IdInput };
export type SetPasswordInput = z.input<typeof setPasswordSchema>;
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
/** Search filters as they come from the URL (strings) or from code. */
export type ListUsersInput = {
  q?: string;
  role?: string;
  status?: string;
  organisationId?: string | number | null;
  page?: string | number;
};
