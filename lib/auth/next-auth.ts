import "server-only";
import type { AuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { db } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { env } from "@/lib/env";
import { requestContext } from "@/lib/request";
import { sessionCookie } from "./cookie";
import { safeRedirectPath } from "./redirects";
import { ABSOLUTE_TIMEOUT_SECONDS } from "./sessions";
import { beginSession, findUserByEmail } from "./sign-in";

type OidcProfile = {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
};

/** The configured OpenID Connect issuer (e.g. Microsoft Entra ID), or null when there is none. */
export function ssoProvider(): OAuthConfig<OidcProfile> | null {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return {
    id: "oidc",
    name: e.OIDC_NAME,
    type: "oauth",
    wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile: (profile) => ({
      id: profile.sub,
      email: profile.email ?? null,
      name: profile.name ?? null,
    }),
  };
}

function verified(profile: OidcProfile | undefined): boolean {
  return profile?.email_verified === true || profile?.email_verified === "true";
}

async function auditSsoRefusal(email: string | undefined, reason: string) {
  await recordAudit(db(), {
    actorUserId: null,
    action: "auth.sign_in_failed",
    entityType: "user",
    after: { email: email?.toLowerCase() ?? null, provider: "oidc", reason },
    requestId: (await requestContext()).requestId,
  });
}

/**
 * next-auth handles only the OpenID Connect round trip. An SSO sign-in is linked to an
 * existing, active user by a verified email; unknown emails are refused, never created.
 * The cookie it sets holds only our server-side session's secret, like a password sign-in.
 */
export function authOptions(): AuthOptions {
  const provider = ssoProvider();
  const cookie = sessionCookie();
  return {
    secret: env().NEXTAUTH_SECRET,
    providers: provider ? [provider] : [],
    session: { strategy: "jwt", maxAge: ABSOLUTE_TIMEOUT_SECONDS },
    cookies: { sessionToken: { name: cookie.name, options: cookie.options } },
    pages: { signIn: "/login", error: "/login" },
    callbacks: {
      // The callbackUrl after single sign-on follows the same rule as a password sign-in's
      // `next` (lib/auth/redirects.ts): one decision for every post-sign-in destination. With
      // no safe page asked for it goes back to /login, which knows the person now and sends
      // them where they work (landingPage): next-auth does not know the role here.
      redirect({ url, baseUrl }) {
        const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
        return `${baseUrl}${safeRedirectPath(path) ?? "/login"}`;
      },
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return false;
        const p = profile as OidcProfile | undefined;
        if (!p?.email || !verified(p)) {
          await auditSsoRefusal(p?.email, "email-not-verified");
          return "/login?error=sso-unverified";
        }
        const user = await findUserByEmail(p.email);
        if (!user || user.status !== "active") {
          await auditSsoRefusal(p.email, user ? user.status : "unknown-email");
          return "/login?error=sso-unknown";
        }
        return true;
      },
      async jwt({ token, account, profile }) {
        if (!account) return token; // an existing session: its secret is checked per request
        const email = (profile as OidcProfile | undefined)?.email ?? "";
        const user = await findUserByEmail(email);
        if (!user || user.status !== "active") return {};
        const secret = await beginSession(user, "oidc", await requestContext());
        // Nothing else (name, email, picture) goes into the cookie.
        return { sid: secret };
      },
    },
  };
}
