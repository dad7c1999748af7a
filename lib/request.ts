import "server-only";
import { headers } from "next/headers";

/** The request id set by proxy.ts (or the load balancer), for the audit trail. */
export async function requestContext(): Promise<{
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    requestId: h.get("x-request-id"),
    ip: forwarded || h.get("x-real-ip") || null,
    userAgent: h.get("user-agent")?.slice(0, 300) ?? null,
  };
}
