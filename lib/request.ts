import "server-only";
import { headers } from "next/headers";

/**
 * What a command knows of the request that asked for it: the id the audit trail carries, and
 * the address and browser that sign-in, sessions and the throttle record. Scripts and tests
 * that call commands directly may leave out the last two.
 */
export type RequestInfo = {
  requestId: string | null;
  ip?: string | null;
  userAgent?: string | null;
};

/** The request id set by proxy.ts (or the load balancer), the client's address and browser. */
export async function requestContext(): Promise<Required<RequestInfo>> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    requestId: h.get("x-request-id"),
    ip: forwarded || h.get("x-real-ip") || null,
    userAgent: h.get("user-agent")?.slice(0, 300) ?? null,
  };
}
