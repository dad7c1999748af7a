// npm run bench: the speed of the production server on a scaled data set, as figures anyone can
// reproduce. Not part of `npm test` or CI's pass/fail.
//
//   1. a database of its own on the PostgreSQL server (BENCH_DATABASE_URL, or a new
//      bench_<time> database on postgres://postgres@127.0.0.1:5432), migrated, seeded with the
//      reference data and scripts/bench/generate.ts's 25,000 arrangements;
//   2. the production build (built if missing), served twice: normally, and with
//      PUBLIC_CACHE=off so every request renders afresh ("uncached");
//   3. autocannon against each scenario (c=50 after a warm-up; the write at c=10), beside the
//      same server's static /ping and the raw SQL of the same query timed in this process;
//   4. Lighthouse (Debian's Chromium) on the main public pages;
//   5. bench/RESULTS.md with every figure, ratio and the machine.
//
//   BENCH_DURATION=10 (seconds per scenario), BENCH_KEEP=1 (keep the generated database),
//   BENCH_SKIP_LIGHTHOUSE=1.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import postgres from "postgres";
import { findFreePort } from "./lib/embedded-db";
import { migrateDatabase, seedDatabase } from "./lib/database";
import { runMain, UserFacingError } from "./lib/errors";
import { hiddenFields, multipart } from "./bench/forms";
import { BENCH_PASSWORD, generate, SCALE } from "./bench/generate";
import { runLighthouse, type LighthouseScores } from "./bench/lighthouse";
import { scenarios, type Scenario, type SqlProbe } from "./bench/scenarios";

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARM_UP = 3;
const SERVER_URL = "postgres://postgres@127.0.0.1:5432";

type Load = { p50: number; p99: number; rps: number; errors: number; statuses: string };
type SqlTiming = { p50: number; p99: number };
/** What a page weighs as sent: bytes of the body, and gzipped as a browser would receive it. */
type Weight = { raw: number; gzip: number };
/** `single`: the same request one at a time (c=1), for the ratio to its raw SQL. */
type Row = {
  scenario: Scenario;
  load: Load;
  ping: Load;
  single?: Load;
  sql?: SqlTiming;
  weight?: Weight;
};

function startServer(port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "--port", String(port)],
    { env, stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (response.ok) return resolve(child);
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null || Date.now() > deadline)
        return reject(new UserFacingError(`The server on port ${port} did not start.\n${stderr}`));
      setTimeout(poll, 250);
    };
    void poll();
  });
}

async function load(
  url: string,
  options: { connections: number; request?: Scenario["request"]; cookie?: string },
): Promise<Load> {
  const base: autocannon.Options = {
    url,
    connections: options.connections,
    headers: options.cookie ? { cookie: options.cookie } : undefined,
    requests: options.request ? [options.request()] : undefined,
  };
  await autocannon({ ...base, duration: WARM_UP });
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ ...base, duration: DURATION }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on("response", (_client, status) =>
      statuses.set(status, (statuses.get(status) ?? 0) + 1),
    );
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.timeouts,
    statuses: [...statuses].map(([s, n]) => `${s}×${n}`).join(" "),
  };
}

/** The raw query behind a page, timed here: p50/p99 over `runs` sequential calls. */
async function timeSql(probe: SqlProbe, runs = 60): Promise<SqlTiming> {
  await probe();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await probe();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

/**
 * The body of a GET scenario, once: its size is most of what a cached page costs to serve
 * (autocannon asks without Accept-Encoding, so the server copies it whole every time).
 */
async function weigh(url: string, cookie?: string): Promise<Weight> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  const body = Buffer.from(await response.arrayBuffer());
  return { raw: body.length, gzip: gzipSync(body).length };
}

/** Signs in through the real form (a server action without JavaScript); returns the cookie. */
async function signInCookie(base: string, email: string): Promise<string> {
  const page = await (await fetch(`${base}/login`)).text();
  const { body, contentType } = multipart([
    ...hiddenFields(page, "email"),
    ["email", email],
    ["password", BENCH_PASSWORD],
  ]);
  const response = await fetch(`${base}/login`, {
    method: "POST",
    body,
    headers: { "content-type": contentType },
    redirect: "manual",
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("ssm.session="));
  if (!cookie) throw new UserFacingError(`Sign-in failed (${response.status}).`);
  return cookie;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function verdict(scenario: Scenario, row: Row): string {
  const checks: string[] = [];
  const t = scenario.target;
  if (t?.pingShare !== undefined) {
    const share = row.load.rps / row.ping.rps;
    checks.push(
      `${share >= t.pingShare ? "met" : "missed"}: ≥ ${t.pingShare * 100}% of /ping req/s`,
    );
  }
  if (t?.p99 !== undefined)
    checks.push(`${row.load.p99 <= t.p99 ? "met" : "missed"}: p99 ≤ ${t.p99} ms`);
  if (t?.sqlRatio !== undefined && row.sql && row.single)
    checks.push(
      `${row.single.p50 / Math.max(row.sql.p50, 0.01) <= t.sqlRatio ? "met" : "missed"}: page ≤ ${t.sqlRatio}× raw SQL at c=1`,
    );
  return checks.join("; ") || "—";
}

function report(rows: Row[], lighthouse: LighthouseScores[] | null, meta: Record<string, string>) {
  const lines = [
    "# Benchmark results",
    "",
    `Run on ${meta.date} with \`npm run bench\` (scripts/bench.ts). Each scenario: ${WARM_UP} s warm-up, then ${DURATION} s of autocannon against \`next start\` on this machine, with the same server's static \`/ping\` measured in the same run just before it. "Uncached" runs hit a second server started with \`PUBLIC_CACHE=off\` (every request renders and queries afresh). Raw SQL is the same query function the page calls, timed in the benchmark process over 60 sequential calls; "page at c=1" is the same request one at a time, so "page ÷ SQL" compares like with like.`,
    "",
    "## Machine",
    "",
    ...Object.entries(meta).map(([k, v]) => `- ${k}: ${v}`),
    "",
    "## Data set",
    "",
    `- ${fmt(SCALE.arrangements)} published arrangements, ${fmt(SCALE.savingsLines)} savings lines, ${fmt(SCALE.users)} users, ${fmt(SCALE.auditEvents)} audit events (scripts/bench/generate.ts), plus the reference data (every English council, fire, police, NHS bodies).`,
    "",
    "## Throughput and latency",
    "",
    "| scenario | c | req/s | p50 ms | p99 ms | /ping req/s | share of /ping | page p50 at c=1 | raw SQL p50 / p99 ms | page ÷ SQL (c=1) | KB sent (gzipped) | statuses | target |",
    "| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- | --- |",
    ...rows.map((row) => {
      const s = row.scenario;
      const share = row.load.rps / row.ping.rps;
      const ratio = row.sql && row.single ? row.single.p50 / Math.max(row.sql.p50, 0.01) : null;
      return `| ${s.name} | ${s.connections} | ${fmt(row.load.rps)} | ${fmt(row.load.p50)} | ${fmt(row.load.p99)} | ${fmt(row.ping.rps)} | ${fmt(share * 100, 1)}% | ${row.single ? fmt(row.single.p50) : "—"} | ${row.sql ? `${fmt(row.sql.p50, 1)} / ${fmt(row.sql.p99, 1)}` : "—"} | ${ratio === null ? "—" : fmt(ratio, 1)} | ${row.weight ? `${fmt(row.weight.raw / 1024)} (${fmt(row.weight.gzip / 1024)})` : "—"} | ${row.load.statuses}${row.load.errors ? `, ${row.load.errors} errors` : ""} | ${verdict(s, row)} |`;
    }),
    "",
  ];
  if (lighthouse) {
    lines.push(
      "## Lighthouse",
      "",
      "Lighthouse 12.2.3, Debian's Chromium, desktop preset, against the cached server before the load runs; the median of three runs per page.",
      "",
      "| page | performance | accessibility | best practices |",
      "| --- | --: | --: | --: |",
      ...lighthouse.map(
        (l) => `| ${l.page} | ${l.performance} | ${l.accessibility} | ${l.bestPractices} |`,
      ),
      "",
    );
  }
  mkdirSync("bench", { recursive: true });
  writeFileSync(path.join("bench", "RESULTS.md"), lines.join("\n"));
  console.log(lines.join("\n"));
}

runMain(async () => {
  const keep = process.env.BENCH_KEEP === "1";
  let url = process.env.BENCH_DATABASE_URL;
  let created: string | null = null;
  if (!url) {
    created = `bench_${Date.now()}`;
    const admin = postgres(`${SERVER_URL}/postgres`, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`create database ${created}`);
    } catch (error) {
      throw new UserFacingError(
        `The benchmark needs a PostgreSQL server at ${SERVER_URL} (or BENCH_DATABASE_URL): ${(error as Error).message}`,
      );
    } finally {
      await admin.end();
    }
    url = `${SERVER_URL}/${created}`;
  }

  console.log(`▶ database ${url}`);
  await migrateDatabase(url);
  const direct = postgres(url, { max: 4, onnotice: () => {}, types: { bigint: postgres.BigInt } });
  const [{ n }] = (await direct`select count(*)::int as n from arrangements`) as unknown as [
    { n: number },
  ];
  if (n < SCALE.arrangements) {
    await seedDatabase(url, { demo: false, ifEmpty: true });
    const started = Date.now();
    console.log("▶ generating the data set");
    console.log(await generate(direct), `in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  if (!existsSync(path.join(".next", "BUILD_ID"))) {
    console.log("▶ next build");
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [path.join("node_modules", "next", "dist", "bin", "next"), "build"],
        {
          stdio: "inherit",
          env: { ...process.env, DATABASE_URL: undefined, NEXT_TELEMETRY_DISABLED: "1" },
        },
      );
      child.on("exit", (code) =>
        code === 0 ? resolve() : reject(new UserFacingError("next build failed")),
      );
    });
  }

  const secret = randomBytes(32).toString("base64url");
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url,
    NEXTAUTH_SECRET: secret,
    DB_POOL_MAX: process.env.DB_POOL_MAX ?? "20",
  };
  const cachedPort = await findFreePort();
  const uncachedPort = await findFreePort();
  const servers = [
    await startServer(cachedPort, { ...env, NEXTAUTH_URL: `http://127.0.0.1:${cachedPort}` }),
    await startServer(uncachedPort, {
      ...env,
      NEXTAUTH_URL: `http://127.0.0.1:${uncachedPort}`,
      PUBLIC_CACHE: "off",
    }),
  ];

  // The query functions run in this process against the same database.
  Object.assign(process.env, { DATABASE_URL: url, NEXTAUTH_SECRET: secret, DB_POOL_MAX: "4" });

  const rows: Row[] = [];
  let lighthouse: LighthouseScores[] | null = null;
  try {
    const bases = {
      cached: `http://127.0.0.1:${cachedPort}`,
      uncached: `http://127.0.0.1:${uncachedPort}`,
    };
    // Lighthouse first, on a quiet machine: it times one visitor, and the load runs below would
    // leave the servers busy collecting garbage.
    if (process.env.BENCH_SKIP_LIGHTHOUSE !== "1") {
      console.log("▶ lighthouse");
      lighthouse = await runLighthouse(bases.cached, await lighthousePages(direct));
    }
    const cookie = await signInCookie(bases.uncached, "bench-100@bench.example.org");
    const context = { sql: direct, cookie, bases, newKey: () => randomUUID() };
    for (const scenario of await scenarios(context)) {
      const base = bases[scenario.server];
      console.log(`▶ ${scenario.name}`);
      const ping = await load(`${base}/ping`, { connections: scenario.connections });
      const measured = await load(`${base}${scenario.path}`, {
        connections: scenario.connections,
        request: scenario.request,
        cookie: scenario.signedIn ? cookie : undefined,
      });
      const single = scenario.sql
        ? await load(`${base}${scenario.path}`, {
            connections: 1,
            request: scenario.request,
            cookie: scenario.signedIn ? cookie : undefined,
          })
        : undefined;
      const sqlTiming = scenario.sql ? await timeSql(scenario.sql) : undefined;
      const weight = scenario.request
        ? undefined
        : await weigh(`${base}${scenario.path}`, scenario.signedIn ? cookie : undefined);
      rows.push({ scenario, load: measured, ping, single, sql: sqlTiming, weight });
    }
  } finally {
    for (const server of servers) server.kill("SIGTERM");
    await direct.end();
    if (created && !keep) {
      const admin = postgres(`${SERVER_URL}/postgres`, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists ${created} with (force)`).catch(() => {});
      await admin.end();
    }
  }

  // Its own short-lived connection, closed at once: an open idle connection would keep the
  // process (and a scheduled job running it) alive after the report is written.
  const versionClient = postgres(url.replace(/\/[^/]+$/, "/postgres"), { max: 1 });
  const [pg] = await versionClient`select version()`.catch(() => [{ version: "unknown" }]);
  await versionClient.end({ timeout: 5 });
  report(rows, lighthouse, {
    date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
    cpu: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    postgres: String((pg as { version?: string } | undefined)?.version ?? "unknown").split(
      " on ",
    )[0]!,
    "database pool per server": env.DB_POOL_MAX,
  });
});

async function lighthousePages(sql: postgres.Sql) {
  const [one] = await sql<{ slug: string }[]>`
    select a.slug from arrangements a where a.published_revision_id is not null order by a.id limit 1`;
  return [
    { page: "Dashboard", path: "/" },
    { page: "Map", path: "/map" },
    { page: "Explorer", path: "/arrangements?q=procurement" },
    { page: "Arrangement page", path: `/arrangements/${one?.slug ?? ""}` },
  ];
}
