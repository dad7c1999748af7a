import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import {
  clientAddress,
  normaliseAddress,
  PEER_HEADER,
  peerAddress,
  recordPeerAddresses,
} from "@/lib/client-address";
import { parseEnv, type TrustedProxies } from "@/lib/env";

/* The client's address (issue 13, item 2): TRUSTED_PROXIES, the peer header and the choice. */

const trusted = (value: string | undefined): TrustedProxies =>
  parseEnv({
    DATABASE_URL: "postgres://h/d",
    NEXTAUTH_SECRET: "x".repeat(32),
    TRUSTED_PROXIES: value,
  }).TRUSTED_PROXIES;

describe("TRUSTED_PROXIES", () => {
  it.each([
    [undefined, { kind: "none" }],
    ["", { kind: "none" }],
    ["0", { kind: "none" }],
    ["1", { kind: "hops", hops: 1 }],
    [" 3 ", { kind: "hops", hops: 3 }],
    ["10.0.0.0/8", { kind: "networks", networks: ["10.0.0.0/8"] }],
    [
      "10.0.0.0/8, 192.168.1.7 ,FD00::/8,::1",
      { kind: "networks", networks: ["10.0.0.0/8", "192.168.1.7", "fd00::/8", "::1"] },
    ],
  ])("parses %j", (value, expected) => {
    expect(trusted(value)).toEqual(expected);
  });

  it.each(["11", "-1", "one", "10.0.0.0/33", "10.0.0.0/8,,", "10.0.0.0/8; 10.1.0.0/16", "*"])(
    "refuses %j with a sentence naming it",
    (value) => {
      expect(() => trusted(value)).toThrow(/TRUSTED_PROXIES must be the number of proxies/);
    },
  );
});

describe("normaliseAddress", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    [" 203.0.113.9:51234 ", "203.0.113.9"],
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["[2001:DB8::1]:443", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["unknown", null],
    ["", null],
    ["203.0.113.999", null],
    ["<script>", null],
  ])("%j → %j", (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });
});

describe("clientAddress", () => {
  const none = trusted(undefined);
  const oneHop = trusted("1");
  const twoHops = trusted("2");
  const networks = trusted("10.0.0.0/8, 127.0.0.1, fd00::/8");
  const peer = "10.0.0.5";

  it.each<[string, TrustedProxies, string | null, string | null, string | null]>([
    // No proxy trusted: the socket's address, whatever the header says.
    ["no proxy, no header", none, "203.0.113.9", null, "203.0.113.9"],
    ["no proxy, spoofed header", none, "203.0.113.9", "198.51.100.1", "203.0.113.9"],
    ["no proxy, spoofed chain", none, "203.0.113.9", "1.1.1.1, 2.2.2.2", "203.0.113.9"],
    // One hop: the proxy appends what it saw; anything left of it is the client's choice.
    ["one proxy", oneHop, peer, "198.51.100.7", "198.51.100.7"],
    ["one proxy, spoofed prefix", oneHop, peer, "6.6.6.6, 198.51.100.7", "198.51.100.7"],
    ["one proxy, ports and spaces", oneHop, peer, "6.6.6.6 ,198.51.100.7:4431", "198.51.100.7"],
    ["one proxy, no header: the peer", oneHop, peer, null, peer],
    ["two proxies", twoHops, peer, "6.6.6.6, 198.51.100.7, 10.0.0.9", "198.51.100.7"],
    ["two proxies, short chain: leftmost", twoHops, peer, "198.51.100.7", "198.51.100.7"],
    // Networks: walk left past our own proxies to the first address that is not one.
    ["networks", networks, peer, "6.6.6.6, 198.51.100.7, 10.9.9.9", "198.51.100.7"],
    ["networks, IPv6 proxies", networks, "fd00::2", "2001:db8::5, fd00::1", "2001:db8::5"],
    ["networks, untrusted peer", networks, "203.0.113.9", "198.51.100.7", "203.0.113.9"],
    ["networks, all trusted: leftmost", networks, peer, "127.0.0.1, 10.1.1.1", "127.0.0.1"],
    ["networks, mapped peer", networks, "::ffff:10.0.0.5", "198.51.100.7", "198.51.100.7"],
    // Garbage where the client should be: unknown, never the garbage itself.
    ["one proxy wrote garbage", oneHop, peer, "198.51.100.7, unknown", null],
    ["networks, garbage client", networks, peer, "<script>", null],
    // No peer (the request came before the server recorded peers): unknown.
    ["no peer", oneHop, null, "198.51.100.7", null],
  ])("%s", (_label, trust, peerValue, forwardedFor, expected) => {
    expect(clientAddress({ peer: peerValue, forwardedFor, trusted: trust })).toBe(expected);
  });
});

describe("the peer header", () => {
  it("is null without the process's key, and the key is not guessable", () => {
    expect(peerAddress(null)).toBeNull();
    expect(peerAddress("203.0.113.9")).toBeNull();
    recordPeerAddresses();
    expect(peerAddress("forged 203.0.113.9")).toBeNull();
    expect(peerAddress("203.0.113.9")).toBeNull();
  });

  it("carries the socket's address to the handler, replacing a client's copy", async () => {
    recordPeerAddresses();
    const seen: (string | null)[] = [];
    const server = createServer((req, res) => {
      const value = req.headers[PEER_HEADER];
      seen.push(peerAddress(typeof value === "string" ? value : null));
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (const forged of [undefined, "203.0.113.9", "anything 198.51.100.1"]) {
        await new Promise<void>((resolve, reject) => {
          const req = httpRequest(
            { port, host: "127.0.0.1", headers: forged ? { [PEER_HEADER]: forged } : {} },
            (res) => res.resume().on("end", resolve),
          );
          req.on("error", reject);
          req.end();
        });
      }
    } finally {
      server.close();
    }
    expect(seen).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1"]);
  });
});
