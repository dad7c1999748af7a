#!/usr/bin/env node
// A real OpenID Connect provider for tests (oidc-provider), on plain HTTP at 127.0.0.1.
//
//   node tests/support/oidc-server.mjs [port]      (or OIDC_TEST_PORT; 0 or unset picks a free port)
//
// Prints `oidc-ready <issuer>` once it accepts requests; stops on SIGTERM or SIGINT.
// The app is configured with OIDC_ISSUER=<issuer>, OIDC_CLIENT_ID=ssm-test,
// OIDC_CLIENT_SECRET=ssm-test-secret. Sign-in is a one-field page (label "Email address",
// button "Sign in") that accepts only the accounts below; consent is implied.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import Provider, { interactionPolicy } from "oidc-provider";

/** Account id = email. `unknown.person` is verified but is not a user of the app. */
const ACCOUNTS = {
  "editor@devon.example.org": { name: "Devon Editor", email_verified: true },
  "admin@example.org": { name: "Demo Admin", email_verified: true },
  "unknown.person@example.org": { name: "Unknown Person", email_verified: true },
  "unverified@devon.example.org": { name: "Unverified Person", email_verified: false },
};

const CLIENT_ID = "ssm-test";
const CLIENT_SECRET = "ssm-test-secret";
const CALLBACK_PATH = "/api/auth/callback/oidc";

const port = Number(process.argv[2] ?? process.env.OIDC_TEST_PORT ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`oidc-server: not a port: ${process.argv[2] ?? process.env.OIDC_TEST_PORT}`);
  process.exit(2);
}
const appPorts = (process.env.APP_PORT ?? "3000").split(",").map((p) => p.trim());

let handler = (_req, res) => {
  res.writeHead(503).end();
};
const server = http.createServer((req, res) => handler(req, res));
await new Promise((resolve, reject) => {
  server.once("error", reject);
  server.listen(port, "127.0.0.1", resolve);
});
const issuer = `http://127.0.0.1:${server.address().port}`;

// Ask for the login every time, even with a live session at the provider: e2e tests sign in as
// different people in turn, and must get the account they type, not the previous one.
const policy = interactionPolicy.base();
policy
  .get("login")
  .checks.add(
    new interactionPolicy.Check("test_always_login", "the test provider always asks", (ctx) =>
      ctx.oidc.result?.login
        ? interactionPolicy.Check.NO_NEED_TO_PROMPT
        : interactionPolicy.Check.REQUEST_PROMPT,
    ),
  );

// The client is registered as "native" only for its loopback redirect rule (below), and native
// clients are otherwise made to see a consent page on every sign-in; this app is first-party.
policy.get("consent").checks.remove("native_client_prompt");

const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
  format: "jwk",
});

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      // "native" makes oidc-provider match http loopback redirect URIs on any port (RFC 8252
      // section 7.3), so an app on whatever port a test picked is accepted without listing it.
      application_type: "native",
      redirect_uris: appPorts.flatMap((p) => [
        `http://127.0.0.1:${p}${CALLBACK_PATH}`,
        `http://localhost:${p}${CALLBACK_PATH}`,
      ]),
      post_logout_redirect_uris: appPorts.map((p) => `http://127.0.0.1:${p}/`),
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  jwks: { keys: [{ ...signingKey, use: "sig", alg: "RS256" }] },
  cookies: { keys: [randomBytes(32).toString("hex")] },
  scopes: ["openid", "email", "profile"],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // next-auth 4 builds the profile from the id_token's claims, so put them there and not only
  // at the userinfo endpoint (the provider's default when an access token is issued too).
  conformIdTokenClaims: false,
  // Like strict real providers; next-auth sends PKCE (S256) for OIDC by default.
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { policy, url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  // The app is the only client and first-party: grant what it asks for instead of a consent page.
  async loadExistingGrant(ctx) {
    const grantId =
      ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
  async findAccount(_ctx, id) {
    const account = ACCOUNTS[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id, email_verified: account.email_verified, name: account.name };
      },
    };
  },
  ttl: {
    AccessToken: 600,
    AuthorizationCode: 60,
    IdToken: 600,
    Interaction: 600,
    Session: 3600,
    Grant: 3600,
  },
  clientBasedCORS: () => false,
  renderError(ctx, out) {
    ctx.type = "html";
    ctx.body = page(
      "Error",
      `<h1>Test identity provider: error</h1><p role="alert">${escape(out.error)}: ${escape(out.error_description ?? "")}</p>`,
    );
  },
});

const providerCallback = provider.callback();

handler = async (req, res) => {
  const url = new URL(req.url ?? "/", issuer);
  const match = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec(url.pathname);
  if (!match) return providerCallback(req, res);
  try {
    await interaction(req, res, match[1], match[2]);
  } catch (error) {
    // Typically an expired or unknown interaction (the cookie no longer matches).
    res.writeHead(400, { "content-type": "text/html; charset=utf-8" });
    res.end(page("Error", `<h1>Sign-in failed</h1><p role="alert">${escape(error.message)}</p>`));
  }
};

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error("This sign-in has expired. Start again.");

  if (action === "/abort") {
    return provider.interactionFinished(
      req,
      res,
      { error: "access_denied", error_description: "The user cancelled sign-in" },
      { mergeWithLastSubmission: false },
    );
  }

  if (details.prompt.name !== "login") {
    // Consent is granted in loadExistingGrant, so only the login prompt should ever get here.
    res.writeHead(501, { "content-type": "text/plain" });
    return res.end(`prompt ${details.prompt.name} is not supported by the test provider`);
  }

  if (req.method === "POST" && action === "/login") {
    const login = new URLSearchParams(await readBody(req)).get("login")?.trim().toLowerCase();
    if (login && Object.hasOwn(ACCOUNTS, login)) {
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: login } },
        { mergeWithLastSubmission: false },
      );
    }
    return sendLoginPage(
      res,
      uid,
      login ?? "",
      "There is no test account with that email address.",
    );
  }

  return sendLoginPage(res, uid, details.params.login_hint ?? "");
}

function sendLoginPage(res, uid, value, error) {
  res.writeHead(error ? 422 : 200, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(
    page(
      "Sign in",
      `<h1>Test identity provider</h1>
${error ? `<p role="alert" id="error">${escape(error)}</p>` : ""}
<form method="post" action="/interaction/${uid}/login">
  <label for="login">Email address</label>
  <input id="login" name="login" type="text" autocomplete="off" required autofocus value="${escape(value)}">
  <button type="submit">Sign in</button>
</form>
<p><a href="/interaction/${uid}/abort">Cancel</a></p>
<p>Test accounts: ${Object.keys(ACCOUNTS)
        .map((a) => `<code>${a}</code>`)
        .join(", ")}.</p>`,
    ),
  );
}

function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} – test identity provider</title></head><body><main>${body}</main></body></html>`;
}

function escape(value) {
  return String(value).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );
}

async function readBody(req) {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error("Request body too large");
  }
  return body;
}

function shutdown() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);

console.log(`oidc-ready ${issuer}`);
