import "server-only";
import { headers } from "next/headers";
import { clientAddress, PEER_HEADER, peerAddress } from "@/lib/client-address";
import { env } from "@/lib/env";

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

/**
 * The request id set by proxy.ts (or the load balancer), the client's address (the socket's
 * peer, or the right-most address not of a trusted proxy: lib/client-address.ts) and browser.
 */
export async function requestContext(): Promise<Required<RequestInfo>> {
  const h = await headers();
  return {
    requestId: h.get("x-request-id"),
    ip: clientAddress({
      peer: peerAddress(h.get(PEER_HEADER)),
      forwardedFor: h.get("x-forwarded-for"),
      trusted: env().TRUSTED_PROXIES,
    }),
    userAgent: h.get("user-agent")?.slice(0, 300) ?? null,
  };
}
