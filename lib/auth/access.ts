import "server-only";
import { notFound, redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { fieldErrors } from "@/lib/commands/parse";
import { requestContext } from "@/lib/request";
import { getCurrentUser } from "./current";
import type { CurrentUser } from "./sessions";

/*
 * The access layer. Every page that shows non-public data, every server action and every
 * route handler goes through these functions (tests/integration/access-coverage.test.ts
 * proves it). The proxy only redirects for convenience; this is the boundary.
 */

export type { CurrentUser };

/** Signed in, or sent to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** An administrator; anyone else gets a 404, so admin pages do not reveal themselves. */
export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
  return user;
}

/** A member of the organisation (or an administrator); another council's staff get a 404. */
export async function requireOrganisationMember(organisationId: number): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role === "admin") return user;
  if (user.organisationId === null || user.organisationId !== organisationId) notFound();
  return user;
}

/* Server actions ------------------------------------------------------------------------- */

export type FormValues = Record<string, string | string[]>;

/** What a form action hands back to its form (React's useActionState). */
export type FormState = {
  /** Set after a successful action that does not redirect. */
  ok?: boolean;
  /** A message for the whole form (shown in the error summary, or as a success banner). */
  message?: string;
  /** Field name → the message beside that field. */
  errors?: Record<string, string>;
  /** What the user typed, so nothing is lost on error (never passwords). */
  values?: FormValues;
};

export type ActionContext<U> = {
  user: U;
  request: Awaited<ReturnType<typeof requestContext>>;
  values: FormValues;
  /** The submitted form itself, for what `values` leaves out (uploaded files). */
  formData: FormData;
};

/** FormData → plain values; repeated names (checkboxes, rows) become arrays. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, raw] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof raw !== "string") continue;
    const existing = values[key];
    if (existing === undefined) values[key] = raw;
    else values[key] = Array.isArray(existing) ? [...existing, raw] : [existing, raw];
  }
  return values;
}

/** Values safe to send back to the browser: every password field is dropped. */
export function echoValues(values: FormValues): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !/password/i.test(k)));
}

const FORM_UNREADABLE =
  "Sorry, the form could not be read and nothing was saved. Reload the page and try again.";

type Handler<S extends z.ZodType, U> = (
  input: z.output<S>,
  context: ActionContext<U>,
) => Promise<FormState | void>;

function wrap<S extends z.ZodType, U>(who: () => Promise<U>, schema: S, handler: Handler<S, U>) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    // The proxy refuses bodies that are not (state, FormData) (lib/request-guard.ts); this is
    // the second line, for whatever gets past it.
    if (!(formData instanceof FormData)) return { message: FORM_UNREADABLE };
    const user = await who();
    const values = formValues(formData);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      return { errors: fieldErrors(parsed.error), values: echoValues(values) };
    }
    try {
      return (
        (await handler(parsed.data, {
          user,
          values,
          formData,
          request: await requestContext(),
        })) ?? {
          ok: true,
        }
      );
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound() and Next's own signals pass through
      console.error(error);
      return {
        message: "Sorry, something went wrong and nothing was saved. Please try again.",
        values: echoValues(values),
      };
    }
  };
}

/** A form action anyone may call (sign-in, password reset); the user may be null. */
export function publicAction<S extends z.ZodType>(
  schema: S,
  handler: Handler<S, CurrentUser | null>,
) {
  return wrap(getCurrentUser, schema, handler);
}

/** A form action for any signed-in user. */
export function userAction<S extends z.ZodType>(schema: S, handler: Handler<S, CurrentUser>) {
  return wrap(requireUser, schema, handler);
}

/** A form action for administrators only. */
export function adminAction<S extends z.ZodType>(schema: S, handler: Handler<S, CurrentUser>) {
  return wrap(requireAdmin, schema, handler);
}
