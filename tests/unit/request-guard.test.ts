import { describe, expect, it } from "vitest";
import {
  ACTION_BODY_LIMIT_BYTES,
  actionArguments,
  decodablePath,
  guardRequest,
  sameOrigin,
} from "@/lib/request-guard";

/* What the proxy refuses before Next.js can fail on it (issue 13, item 4); the corpus in
 * tests/corpus/ sends the same over HTTP to the production server. */

const SITE = "http://127.0.0.1:3000";

function post(path: string, headers: Record<string, string>, body?: BodyInit) {
  return new Request(`${SITE}${path}`, {
    method: "POST",
    headers: { host: "127.0.0.1:3000", origin: SITE, ...headers },
    body,
  });
}

async function status(request: Request): Promise<number | null> {
  return (await guardRequest(request))?.status ?? null;
}

describe("decodablePath", () => {
  it.each([
    "/",
    "/arrangements/shared-legal",
    "/councils/E10000008",
    "/a%20b",
    "/%E2%80%AE",
    "/%25ff",
  ])("lets %s through", (path) => expect(decodablePath(path)).toBe(true));
  it.each([
    "/arrangements/%ff",
    "/%c0%af",
    "/%",
    "/%2",
    "/%zz",
    "/a%00",
    "/a%0a",
    "/%7f",
    "/%e2%80",
  ])("refuses %s", (path) => expect(decodablePath(path)).toBe(false));
});

describe("actionArguments", () => {
  it.each([
    '[{},"$K1"]',
    '[{"message":"$$5 off","errors":{"email":"x"},"values":{"a":["b","c"]}},"$K2"]',
    '[{"ok":true,"n":"$undefined","d":"$D2026-01-01T00:00:00.000Z","big":"$n12"},"$Ka"]',
  ])("accepts what React sends for (state, FormData): %s", (text) => {
    expect(actionArguments(text)).toBe(true);
  });
  it.each([
    "",
    "garbage{{",
    '{"a":1}',
    "[]",
    "[1,2]",
    '[{},"$K1",3]',
    '[{},"$@1"]',
    '[{},"K1"]',
    '[{"a":"$F1"},"$K1"]',
    '[{"a":"$@2"},"$K1"]',
    '[{"a":"$Q3"},"$K1"]',
    `[${"[".repeat(100)}${"]".repeat(100)},"$K1"]`,
  ])("refuses %j", (text) => {
    expect(actionArguments(text)).toBe(false);
  });
});

describe("sameOrigin", () => {
  const headers = (values: Record<string, string>) => new Headers(values);
  it("compares the Origin's host with X-Forwarded-Host, else Host", () => {
    expect(sameOrigin(headers({ host: "a.example" }))).toBe(true);
    expect(sameOrigin(headers({ host: "a.example", origin: "https://a.example" }))).toBe(true);
    expect(sameOrigin(headers({ host: "a.example", origin: "https://b.example" }))).toBe(false);
    expect(sameOrigin(headers({ host: "a.example", origin: "null" }))).toBe(false);
    expect(sameOrigin(headers({ host: "a.example", origin: "%ff" }))).toBe(false);
    expect(
      sameOrigin(
        headers({
          host: "10.0.0.5:3000",
          "x-forwarded-host": "a.example, x",
          origin: "https://a.example",
        }),
      ),
    ).toBe(true);
  });
});

describe("guardRequest", () => {
  const action = { "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8" };

  it("lets ordinary requests and real action bodies through", async () => {
    expect(await status(new Request(`${SITE}/arrangements?q=%ff`))).toBeNull();
    expect(await status(post("/login", action, '[{},"$K1"]'))).toBeNull();
    const form = new FormData();
    form.set("_1_email", "a@b.c");
    form.set("0", '[{},"$K1"]');
    expect(await status(post("/login", { "next-action": "7f00aa" }, form))).toBeNull();
    // A form without JavaScript: Next.js reads its own $ACTION fields.
    const plain = new FormData();
    plain.set("$ACTION_ID_7f00aa", "");
    expect(await status(post("/login", {}, plain))).toBeNull();
    expect(
      await status(post("/api/auth/callback/oidc", { "content-type": "text/plain" }, "x")),
    ).toBeNull();
  });

  it("refuses an undecodable path with 400, as JSON under /api/", async () => {
    const page = await guardRequest(new Request(`${SITE}/councils/%ff`));
    expect(page?.status).toBe(400);
    expect(await page?.text()).toContain("Sorry, that address is not valid");
    const api = await guardRequest(new Request(`${SITE}/api/v1/arrangements/%c0%af`));
    expect(await api?.json()).toMatchObject({ status: 400 });
  });

  it("refuses bodies no form of this site sends with 400", async () => {
    expect(await status(post("/login", action, "garbage{{"))).toBe(400);
    expect(
      await status(post("/login", { ...action, "content-type": "application/json" }, "[]")),
    ).toBe(400);
    const broken = { "content-type": "multipart/form-data; boundary=XyZ" };
    expect(await status(post("/login", broken, "nonsense"))).toBe(400);
    expect(await status(post("/login", { ...broken, "next-action": "7f00aa" }, "nonsense"))).toBe(
      400,
    );
  });

  it("refuses a body over the limit with 413, by its declared or its real length", async () => {
    const big = "a".repeat(ACTION_BODY_LIMIT_BYTES + 1);
    const declared = post("/workspace/import", { ...action, "content-length": String(big.length) });
    expect(await status(declared)).toBe(413);
    expect(await status(post("/workspace/import", action, big))).toBe(413);
  });

  it("refuses a post from another site with 403", async () => {
    expect(
      await status(post("/login", { ...action, origin: "https://evil.example" }, '[{},"$K1"]')),
    ).toBe(403);
  });
});
