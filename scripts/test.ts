// npm test: the whole suite — unit and integration (vitest), then end-to-end (Playwright
// against `next build` + `next start`) — on one database prepared once.
//
// The database is TEST_DATABASE_URL or DATABASE_URL when set (it is migrated and seeded with
// demo data first), otherwise a fresh embedded database in .test-data/ removed afterwards.
// Prints one closing line "N passed, N failed" and exits non-zero on any failure.
//
//   npm test                     everything
//   npm test -- unit integration a subset (unit | integration | e2e)
//   SKIP_BUILD=1 npm test        reuse an existing .next production build for e2e
//   npm test -- e2e tests/e2e/map.spec.ts   only the named files (any suite's paths)
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  findFreePort,
  startEmbeddedDatabase,
  stopOnSignal,
  type EmbeddedDatabase,
} from "./lib/embedded-db";
import { migrateDatabase, seedDatabase } from "./lib/database";
import { runMain, UserFacingError } from "./lib/errors";
import { isPostgresUrl } from "@/lib/env";

type Counts = { passed: number; failed: number; skipped: number };
const RESULTS = path.resolve(".test-results");

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

const bin = (pkg: string, rel: string) => path.join(process.cwd(), "node_modules", pkg, rel);

async function runVitest(
  projects: string[],
  files: string[],
  env: NodeJS.ProcessEnv,
): Promise<Counts> {
  const output = path.join(RESULTS, "vitest.json");
  rmSync(output, { force: true });
  const args = [bin("vitest", "vitest.mjs"), "run", "--reporter=default", "--reporter=json"];
  args.push(`--outputFile.json=${output}`);
  for (const p of projects) args.push("--project", p);
  args.push(...files);
  const code = await run(process.execPath, args, env);
  const report = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  }>(output);
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
  return {
    passed: report.numPassedTests,
    failed,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

async function runPlaywright(files: string[], env: NodeJS.ProcessEnv): Promise<Counts> {
  const output = path.join(RESULTS, "playwright.json");
  rmSync(output, { force: true });
  const args = [bin("@playwright/test", "cli.js"), "test", ...files];
  const code = await run(process.execPath, args, {
    ...env,
    PLAYWRIGHT_JSON_OUTPUT_NAME: output,
  });
  const report = readJson<{
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  }>(output);
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  const failed = report.stats.unexpected + (code !== 0 && report.stats.unexpected === 0 ? 1 : 0);
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed,
    skipped: report.stats.skipped,
  };
}

runMain(async () => {
  const args = process.argv.slice(2);
  // Paths narrow a run to those files (e.g. while working on one feature); names pick suites.
  const files = args.filter((a) => a.includes("/") || a.endsWith(".ts"));
  const wanted = args.filter((a) => !files.includes(a));
  const suites = wanted.length ? wanted : ["unit", "integration", "e2e"];
  for (const s of suites) {
    if (!["unit", "integration", "e2e"].includes(s))
      throw new UserFacingError(`Unknown suite "${s}": use unit, integration or e2e.`);
  }
  mkdirSync(RESULTS, { recursive: true });
  const needsDb = suites.some((s) => s !== "unit");

  let embedded: EmbeddedDatabase | undefined;
  let url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (needsDb && !url) {
    const dataDir = path.join(".test-data", `postgres-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    embedded = await startEmbeddedDatabase({
      dataDir,
      port: await findFreePort(),
      disposable: true,
    });
    url = embedded.url;
  }
  const discard = async () => {
    await embedded?.stop();
    if (embedded) rmSync(embedded.dataDir, { recursive: true, force: true });
  };
  const release = stopOnSignal(discard);
  if (needsDb && url && !isPostgresUrl(url)) {
    throw new UserFacingError("TEST_DATABASE_URL / DATABASE_URL is not a PostgreSQL URL.");
  }

  const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
  const add = (c: Counts) => {
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
  };
  const started = Date.now();
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    };
    if (url) {
      console.log(
        `\n▶ Database: ${embedded ? "embedded (fresh)" : "TEST_DATABASE_URL/DATABASE_URL"}`,
      );
      await migrateDatabase(url);
      await seedDatabase(url, { demo: true });
      Object.assign(env, { DATABASE_URL: url, DB_POOL_MAX: "5" });
    }

    const vitestProjects = suites.filter((s) => s === "unit" || s === "integration");
    if (vitestProjects.length) {
      console.log(`\n▶ vitest: ${vitestProjects.join(", ")}`);
      const vitestFiles = files.filter((f) => !f.includes("e2e/"));
      if (!files.length || vitestFiles.length)
        add(await runVitest(vitestProjects, vitestFiles, env));
    }

    const e2eFiles = files.filter((f) => f.includes("e2e/"));
    if (suites.includes("e2e") && (!files.length || e2eFiles.length)) {
      if (process.env.SKIP_BUILD === "1" && existsSync(path.join(".next", "BUILD_ID"))) {
        console.log("\n▶ next build skipped (SKIP_BUILD=1)");
      } else {
        console.log("\n▶ next build");
        // The build must not need a database: pages read it at request time.
        const { DATABASE_URL: _omit, ...buildEnv } = env;
        const code = await run(process.execPath, [bin("next", "dist/bin/next"), "build"], buildEnv);
        if (code !== 0) {
          add({ passed: 0, failed: 1, skipped: 0 });
          throw new UserFacingError("next build failed; end-to-end tests not run.");
        }
      }
      console.log("\n▶ playwright (chromium)");
      add(
        await runPlaywright(
          files.filter((f) => f.includes("e2e/")),
          {
            ...env,
            E2E_PORT: String(await findFreePort()),
            OIDC_TEST_PORT: String(await findFreePort()),
            FAULT_PROXY_PORT: String(await findFreePort()),
            FAULT_CONTROL_PORT: String(await findFreePort()),
          },
        ),
      );
    }
  } finally {
    release();
    await discard();
    writeFileSync(path.join(RESULTS, "summary.json"), JSON.stringify(totals));
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`\nTest run took ${seconds}s.`);
    console.log(
      `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`,
    );
  }
  if (totals.failed > 0) process.exitCode = 1;
});
