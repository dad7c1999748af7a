import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS, chromiumPath } from "./scripts/lib/chromium";

const port = Number(process.env.E2E_PORT ?? 3107);
// A real OpenID Connect provider on loopback for the single sign-on tests (scripts/test.ts
// points the app at it through OIDC_ISSUER).
const oidcPort = Number(process.env.OIDC_TEST_PORT ?? 3108);
// The app reaches its database through a TCP proxy the reliability tests can cut
// (tests/support/fault-proxy.mjs); the specs' own SQL goes straight to the database.
const faultPort = Number(process.env.FAULT_PROXY_PORT ?? 3109);
const faultControlPort = Number(process.env.FAULT_CONTROL_PORT ?? 3110);
const database = new URL(process.env.DATABASE_URL ?? "postgres://localhost:5432/postgres");
const appDatabase = new URL(database);
appDatabase.hostname = "127.0.0.1";
appDatabase.port = String(faultPort);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  // Assertions wait up to 10 s: a cold server's first sign-in (argon2, first render of a route)
  // took over 5 s on a loaded 2-core machine, which is slowness, not a failure.
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "off",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath(),
          args: CHROMIUM_FLAGS,
        },
      },
    },
  ],
  webServer: [
    {
      command: `node tests/support/fault-proxy.mjs ${faultPort} ${database.hostname} ${database.port || 5432} ${faultControlPort}`,
      url: `http://127.0.0.1:${faultControlPort}/state`,
      reuseExistingServer: false,
      timeout: 10_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `node tests/support/oidc-server.mjs ${oidcPort}`,
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      env: { APP_PORT: String(port) },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The production build, served once for the whole suite. DATABASE_URL comes from the
      // test runner (scripts/test.ts), which migrated and seeded it.
      command: `node node_modules/next/dist/bin/next start --port ${port}`,
      url: `http://127.0.0.1:${port}/api/health`,
      env: {
        DATABASE_URL: appDatabase.toString(),
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
        OIDC_CLIENT_ID: "ssm-test",
        OIDC_CLIENT_SECRET: "ssm-test-secret",
        OIDC_NAME: "Test council account",
        // A test site: no SMTP, and the outbox (live links and all) readable at /admin/outbox.
        // tests/e2e/outbox.spec.ts starts servers of its own without it.
        MAIL_OUTBOX_VISIBLE: "true",
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
