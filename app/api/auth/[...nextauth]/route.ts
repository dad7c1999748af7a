import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/next-auth";

// next-auth's own endpoints (OpenID Connect redirect and callback, CSRF token). Public by
// nature: they establish a session, and every sign-in is checked in lib/auth/next-auth.ts.
async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
