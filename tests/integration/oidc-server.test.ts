import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
// openid-client 5 is what next-auth 4 uses underneath: if it accepts these flows, so will the app.
import { generators, Issuer, type BaseClient } from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The test identity provider (tests/support/oidc-server.mjs), run as its own process the way
 * e2e tests run it, and driven without a browser: fetch with a small cookie jar follows the
 * redirects and submits the sign-in form, openid-client plays the app.
 */

const APP_PORT = 3999;
const REDIRECT_URI = `http://127.0.0.1:${APP_PORT}/api/auth/callback/oidc`;
let child: ChildProcess;
let issuerUrl: string;
let client: BaseClient;

beforeAll(async () => {
  child = spawn(
    process.execPath,
    [path.join(process.cwd(), "tests/support/oidc-server.mjs"), "0"],
    { env: { ...process.env, APP_PORT: String(APP_PORT) }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  issuerUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no oidc-ready line; stderr: ${stderr}`)),
      20_000,
    );
    child.once("exit", (code) => reject(new Error(`oidc-server exited (${code}): ${stderr}`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = /^oidc-ready (\S+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  const issuer = await Issuer.discover(issuerUrl);
  client = new issuer.Client({
    client_id: "ssm-test",
    client_secret: "ssm-test-secret",
    redirect_uris: [REDIRECT_URI],
    response_types: ["code"],
  });
});

afterAll(async () => {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
});

/** Just enough of a browser: cookies by name, manual redirects. */
class Browser {
  cookies = new Map<string, string>();

  async fetch(url: string | URL, init: RequestInit = {}) {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...init.headers,
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = header.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const expired = attributes.some(
        (a) => /^\s*expires=/i.test(a) && Date.parse(a.split("=")[1]!) < Date.now(),
      );
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1).trim());
    }
    return response;
  }

  /**
   * Follows redirects from `url` until one leaves for the app's callback (returned as a URL) or
   * a page is shown (returned as a Page). Auto-submitting forms (the provider's logout step when
   * the account changes) are submitted, as a browser's script would.
   */
  async follow(url: string | URL, init?: RequestInit): Promise<URL | Page> {
    let response = await this.fetch(url, init);
    let current = new URL(url);
    for (;;) {
      if (response.status >= 300 && response.status < 400) {
        const next = new URL(response.headers.get("location")!, current);
        if (next.origin !== issuerUrl) return next;
        current = next;
        response = await this.fetch(next);
        continue;
      }
      const html = await response.text();
      const autoForm =
        /document\.forms\[0\]\.submit\(\)[\s\S]*<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(
          html,
        );
      if (!autoForm) return { status: response.status, url: current, html };
      const fields = new URLSearchParams(
        [...autoForm[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(
          (m) => [m[1]!, m[2]!],
        ),
      );
      current = new URL(autoForm[1]!, current);
      response = await this.fetch(current, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: fields.toString(),
      });
    }
  }
}

type Page = { status: number; url: URL; html: string };

function start(extra: Record<string, string> = {}, redirectUri = REDIRECT_URI) {
  const state = generators.state();
  const codeVerifier = generators.codeVerifier();
  const url = client.authorizationUrl({
    redirect_uri: redirectUri,
    scope: "openid email profile",
    state,
    code_challenge: generators.codeChallenge(codeVerifier),
    code_challenge_method: "S256",
    ...extra,
  });
  return { url, state, codeVerifier, redirectUri };
}

async function loginPage(browser: Browser, url: string) {
  const page = await browser.follow(url);
  if (page instanceof URL) throw new Error(`expected the sign-in page, was sent to ${page.href}`);
  const { html } = page;
  expect(page.status).toBe(200);
  expect(html).toMatch(/<label for="login">Email address<\/label>/);
  expect(html).toMatch(/<input id="login" name="login"/);
  expect(html).toMatch(/<button type="submit">Sign in<\/button>/);
  const action = /<form method="post" action="([^"]+)"/.exec(html)![1]!;
  return { html, action: new URL(action, page.url) };
}

async function submitLogin(browser: Browser, action: URL, login: string) {
  return browser.follow(new URL(action, issuerUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ login }).toString(),
  });
}

/** A whole sign-in as the app does it: returns the token set and the validated id_token claims. */
async function signIn(browser: Browser, login: string) {
  const flow = start();
  const { action } = await loginPage(browser, flow.url);
  const callback = await submitLogin(browser, action, login);
  if (!(callback instanceof URL)) throw new Error(`no redirect to the app: ${callback.status}`);
  expect(callback.href.startsWith(REDIRECT_URI)).toBe(true);
  const tokens = await client.callback(flow.redirectUri, client.callbackParams(callback.href), {
    state: flow.state,
    code_verifier: flow.codeVerifier,
  });
  return { tokens, claims: tokens.claims() };
}

describe("test OpenID Connect provider", () => {
  it("serves a discovery document for its issuer", async () => {
    const response = await fetch(`${issuerUrl}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: issuerUrl,
      authorization_endpoint: `${issuerUrl}/auth`,
      token_endpoint: `${issuerUrl}/token`,
      jwks_uri: `${issuerUrl}/jwks`,
      code_challenge_methods_supported: ["S256"],
      id_token_signing_alg_values_supported: ["RS256"],
    });
    expect(metadata.scopes_supported).toEqual(["openid", "email", "profile"]);
  });

  it("completes an authorization-code flow with PKCE and puts the email in the id_token", async () => {
    const { tokens, claims } = await signIn(new Browser(), "editor@devon.example.org");
    expect(claims).toMatchObject({
      iss: issuerUrl,
      aud: "ssm-test",
      sub: "editor@devon.example.org",
      email: "editor@devon.example.org",
      email_verified: true,
      name: "Devon Editor",
    });
    // The userinfo endpoint agrees.
    const userinfo = await client.userinfo(tokens.access_token!);
    expect(userinfo).toMatchObject({ email: "editor@devon.example.org", email_verified: true });
  });

  it("reports an unverified email as such, and signs in a verified non-user", async () => {
    expect((await signIn(new Browser(), "unverified@devon.example.org")).claims).toMatchObject({
      email: "unverified@devon.example.org",
      email_verified: false,
    });
    expect((await signIn(new Browser(), "unknown.person@example.org")).claims).toMatchObject({
      email: "unknown.person@example.org",
      email_verified: true,
    });
  });

  it("asks for the account every time, so one browser can sign in as different people", async () => {
    const browser = new Browser();
    expect((await signIn(browser, "editor@devon.example.org")).claims.email).toBe(
      "editor@devon.example.org",
    );
    expect((await signIn(browser, "unknown.person@example.org")).claims.email).toBe(
      "unknown.person@example.org",
    );
  });

  it("refuses an address it has no account for, staying on the sign-in page", async () => {
    const browser = new Browser();
    const { action } = await loginPage(browser, start().url);
    const page = await submitLogin(browser, action, "nobody@example.org");
    if (page instanceof URL) throw new Error(`unexpected redirect to ${page.href}`);
    const { html } = page;
    expect(page.status).toBe(422);
    expect(html).toContain("There is no test account with that email address.");
    expect(html).toContain('value="nobody@example.org"');
  });

  it("returns access_denied to the app when the user cancels", async () => {
    const browser = new Browser();
    const flow = start();
    const { html } = await loginPage(browser, flow.url);
    const cancel = /<a href="([^"]+)">Cancel<\/a>/.exec(html)![1]!;
    const callback = await browser.follow(new URL(cancel, issuerUrl));
    expect(callback).toBeInstanceOf(URL);
    const params = (callback as URL).searchParams;
    expect(params.get("error")).toBe("access_denied");
    expect(params.get("state")).toBe(flow.state);
  });

  it("requires PKCE", async () => {
    const url = new URL(start().url);
    url.searchParams.delete("code_challenge");
    url.searchParams.delete("code_challenge_method");
    const callback = await new Browser().follow(url);
    expect(callback).toBeInstanceOf(URL);
    expect((callback as URL).searchParams.get("error")).toBe("invalid_request");
  });

  it("accepts the app on any loopback port but no other host", async () => {
    const other = start({}, "http://127.0.0.1:4123/api/auth/callback/oidc");
    const page = await new Browser().follow(other.url);
    expect(page).not.toBeInstanceOf(URL);
    expect((page as Page).status).toBe(200);

    const foreign = start({}, "http://evil.example/api/auth/callback/oidc");
    const refused = await new Browser().follow(foreign.url);
    expect(refused).not.toBeInstanceOf(URL);
    expect((refused as Page).status).toBe(400);
    expect((refused as Page).html).toContain("redirect_uri");
  });
});
