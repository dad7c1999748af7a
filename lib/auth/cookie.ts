import "server-only";
import { decode, encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { ABSOLUTE_TIMEOUT_SECONDS } from "./sessions";

/**
 * The session cookie, one definition for next-auth and for our own sign-in: HttpOnly,
 * SameSite=Lax, and on HTTPS deployments Secure with the __Host- prefix (bound to this exact
 * host, path /). Plain HTTP (local development, the test server) cannot set Secure cookies.
 */
export function sessionCookie() {
  const secure = (env().NEXTAUTH_URL ?? "").startsWith("https://");
  return {
    name: secure ? "__Host-ssm.session" : "ssm.session",
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

/** The cookie value: next-auth's encrypted JWT holding only the session secret. */
export function encodeSessionCookie(secret: string): Promise<string> {
  return encode({
    token: { sid: secret },
    secret: env().NEXTAUTH_SECRET,
    maxAge: ABSOLUTE_TIMEOUT_SECONDS,
  });
}

export async function decodeSessionCookie(value: string): Promise<string | null> {
  try {
    const token = await decode({ token: value, secret: env().NEXTAUTH_SECRET });
    return typeof token?.sid === "string" ? token.sid : null;
  } catch {
    return null;
  }
}
