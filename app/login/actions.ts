"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction, userAction } from "@/lib/auth/access";
import { encodeSessionCookie, sessionCookie } from "@/lib/auth/cookie";
import { ABSOLUTE_TIMEOUT_SECONDS } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { signOut } from "@/lib/auth/sign-out";
import { landingPage, redirectTarget } from "@/lib/auth/redirects";

const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .max(320, "Email address must be 320 characters or fewer")
    .pipe(z.email("Enter an email address in the correct format, like name@example.org")),
  password: z.string().min(1, "Enter your password").max(1024, "Password is too long"),
  next: z.string().optional(),
});

export const signInAction = publicAction(signInSchema, async (input, { request, values }) => {
  const result = await signInWithPassword(input, request);
  if (!result.ok) {
    return { message: result.message, values: { email: String(values.email ?? "") } };
  }
  const cookie = sessionCookie();
  (await cookies()).set(cookie.name, await encodeSessionCookie(result.secret), {
    ...cookie.options,
    maxAge: ABSOLUTE_TIMEOUT_SECONDS,
  });
  redirect(redirectTarget(input.next, landingPage(result.role)));
});

export const signOutAction = userAction(z.object({}), async (_input, { user, request }) => {
  await signOut(user, request);
  (await cookies()).delete(sessionCookie().name);
  redirect("/");
});
