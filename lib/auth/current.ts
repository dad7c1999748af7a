import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { decodeSessionCookie, sessionCookie } from "./cookie";
import { resolveSession, type CurrentUser } from "./sessions";

// Once per request and cookie value (React cache): keyed by the value, so a page rendered
// right after sign-out, in the same request that deleted the cookie, sees nobody.
const userForCookie = cache(async (value: string): Promise<CurrentUser | null> => {
  const secret = await decodeSessionCookie(value);
  return secret ? resolveSession(secret) : null;
});

/** Who is asking, checked against the database on every request. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const value = (await cookies()).get(sessionCookie().name)?.value;
  return value ? userForCookie(value) : null;
}
