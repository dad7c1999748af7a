import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { BlockList, isIPv4, isIPv6, type Socket } from "node:net";
import type { TrustedProxies } from "@/lib/env";

/**
 * The client's address, for the sign-in limit, sessions and the audit trail.
 *
 * Any header a client sends can say anything, so the address starts from the TCP peer: the
 * socket's remote address. Next.js gives route handlers and server actions only headers, so
 * as each request arrives (Node's `http.server.request.start` diagnostics channel, published
 * before the server sees the request) the peer's address is written into PEER_HEADER, replacing
 * whatever the client sent under that name, sealed with a key made afresh by each process: a
 * value without the key (one sent before the subscription began, or forged) counts as unknown.
 *
 * With TRUSTED_PROXIES unset, the peer is the client and X-Forwarded-For is ignored. Behind
 * proxies, each appends the address it received the request from, so the chain read right to
 * left is [peer, last proxy's view, …]; everything left of what our own proxies wrote is the
 * client's choice. The client is the right-most address that is not one of our proxies:
 * `hops` skips that many from the right, `networks` skips addresses inside the listed networks.
 */

export const PEER_HEADER = "x-ssm-peer-address";
const KEY = Symbol.for("ssm.peer-address-key");
type Holder = { [KEY]?: string };

/** Starts writing every request's peer address into PEER_HEADER (once per process). */
export function recordPeerAddresses(): void {
  const holder = globalThis as Holder;
  if (holder[KEY]) return;
  const key = randomBytes(18).toString("base64url");
  holder[KEY] = key;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    delete request.headers[PEER_HEADER];
    const address = socket.remoteAddress;
    if (address) request.headers[PEER_HEADER] = `${key} ${address}`;
  });
}

/** The peer address in a PEER_HEADER value, or null when it is missing or not sealed by us. */
export function peerAddress(value: string | null | undefined): string | null {
  const key = (globalThis as Holder)[KEY];
  if (!key || !value) return null;
  const space = value.indexOf(" ");
  if (space === -1) return null;
  const given = Buffer.from(value.slice(0, space));
  const expected = Buffer.from(key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return normaliseAddress(value.slice(space + 1));
}

/**
 * An address as one canonical string, or null if it is not one: brackets, ports and zones
 * removed, lower case, IPv4-mapped IPv6 (::ffff:1.2.3.4) as IPv4.
 */
export function normaliseAddress(raw: string | null | undefined): string | null {
  let value = raw?.trim().toLowerCase() ?? "";
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const zone = value.indexOf("%");
  if (zone !== -1) value = value.slice(0, zone);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  if (mapped) value = mapped[1]!;
  return isIPv4(value) || isIPv6(value) ? value : null;
}

function networkList(networks: string[]): BlockList {
  const list = new BlockList();
  for (const network of networks) {
    const [address = "", prefix] = network.split("/");
    const family = isIPv4(address) ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

const lists = new Map<string, BlockList>();
function isTrusted(address: string, networks: string[]): boolean {
  const id = networks.join(",");
  let list = lists.get(id);
  if (!list) lists.set(id, (list = networkList(networks)));
  const normal = normaliseAddress(address);
  return normal !== null && list.check(normal, isIPv4(normal) ? "ipv4" : "ipv6");
}

/** The client's address by the rule above, or null when it cannot be known. */
export function clientAddress(request: {
  peer: string | null;
  forwardedFor: string | null | undefined;
  trusted: TrustedProxies;
}): string | null {
  const { peer, trusted } = request;
  if (peer === null || trusted.kind === "none") return peer;
  const forwarded = (request.forwardedFor ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  let index = chain.length - 1;
  if (trusted.kind === "hops") index = Math.max(0, index - trusted.hops);
  else while (index > 0 && isTrusted(chain[index]!, trusted.networks)) index -= 1;
  return normaliseAddress(chain[index]);
}
