import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, usesNonce } from "@/lib/csp";
import { databaseAvailable } from "@/lib/health";
import { cachedPageFor, internalPath } from "@/lib/public-routes";
import { guardRequest } from "@/lib/request-guard";
import { unavailableResponse } from "@/lib/unavailable";

// Convenience only, never the security boundary (lib/auth/access.ts is): sends signed-out
// visitors of signed-in areas to the sign-in page, tags every request with an id that the audit
// trail records, maps public pages with a query string onto their cacheable internal routes
// (app/(public)/cached/README.md says which and why), and while the database is unreachable
// answers every request with a plain 503 page (checked at most once a second; /api/health reports
// it itself). First of all it refuses what no page can read (lib/request-guard.ts): a 400, 403 or
// 413, never a 500. Every answer carries the Content-Security-Policy, with a fresh nonce on the
// pages rendered per request (lib/csp.ts).
const SIGNED_IN_AREAS = ["/account", "/admin", "/workspace"];
const SESSION_COOKIES = ["ssm.session", "__Host-ssm.session"];
const DEV = process.env.NODE_ENV === "development";

export async function proxy(request: NextRequest) {
  const nonce = usesNonce(request.nextUrl.pathname) ? newNonce() : null;
  const csp = contentSecurityPolicy({ nonce, dev: DEV });
  const headers = new Headers(request.headers);
  // Next.js takes the nonce for its scripts from the request's CSP: never from the client.
  headers.delete("content-security-policy");
  headers.delete("content-security-policy-report-only");
  if (nonce) headers.set("content-security-policy", csp);
  const response = await answer(request, headers);
  response.headers.set("content-security-policy", csp);
  return response;
}

async function answer(request: NextRequest, headers: Headers): Promise<Response> {
  const refusal = await guardRequest(request);
  if (refusal) return refusal;
  if (!headers.has("x-request-id")) headers.set("x-request-id", crypto.randomUUID());

  const { pathname, search, searchParams } = request.nextUrl;

  if (pathname !== "/api/health" && pathname !== "/ping" && !(await databaseAvailable())) {
    return unavailableResponse(pathname);
  }

  const cached = cachedPageFor(pathname);
  if (cached && (request.method === "GET" || request.method === "HEAD")) {
    const target = new URL(internalPath(cached, searchParams), request.url);
    return NextResponse.rewrite(target, { request: { headers } });
  }

  const needsSession = SIGNED_IN_AREAS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (needsSession && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Not for static files and images, which need neither.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
