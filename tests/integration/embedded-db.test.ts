import { spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort, startEmbeddedDatabase } from "@/scripts/lib/embedded-db";
import { UserFacingError } from "@/scripts/lib/errors";
import { connect } from "@/db/client";

const scratch = mkdtempSync(path.join(tmpdir(), "embedded-db-test-"));
// As root, PostgreSQL runs as the "postgres" user, who must be able to reach the folders.
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const start = async (name: string) =>
  startEmbeddedDatabase({ dataDir: path.join(scratch, name), port: await findFreePort() });
const postmasterPid = (dir: string) =>
  Number(readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);

describe("embedded database launcher", () => {
  it("creates a database in an empty folder, keeps data across a restart, and refuses a second opener", async () => {
    const dir = path.join(scratch, "db");
    const first = await start("db");
    expect(first.created).toBe(true);
    try {
      await expect(start("db")).rejects.toThrow(
        `already open in another process (pid ${postmasterPid(dir)})`,
      );
      const { sql } = connect(first.url, { max: 1 });
      const [row] = await sql<{ server_version: string }[]>`show server_version`;
      expect(row!.server_version).toMatch(/^18\./);
      await sql`create table kept (v int, t text)`;
      await sql`insert into kept values (42, ${"Ynys Môn"})`;
      await sql.end();
    } finally {
      await first.stop();
    }
    expect(existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
    const second = await start("db");
    expect(second.created).toBe(false);
    try {
      const { sql } = connect(second.url, { max: 1 });
      const rows = await sql<{ v: number; t: string; upper: string }[]>`
        select v, t, upper(t) as upper from kept`;
      // UTF-8 with Unicode case rules, as on the PostgreSQL server in production.
      expect(rows).toEqual([{ v: 42, t: "Ynys Môn", upper: "YNYS MÔN" }]);
      await sql.end();
    } finally {
      await second.stop();
    }
  });

  it("refuses a folder that is not a database, and leaves it untouched", async () => {
    const dir = path.join(scratch, "not-a-db");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "precious.txt"), "keep me");
    const attempt = start("not-a-db");
    await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
    await expect(attempt).rejects.toThrow(
      /not an embedded database folder.*nothing has been deleted/,
    );
    expect(readdirSync(dir)).toEqual(["precious.txt"]);
    expect(readFileSync(path.join(dir, "precious.txt"), "utf8")).toBe("keep me");
  });

  it("says which port is taken instead of failing obscurely", async () => {
    const blocker = createServer();
    const port = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const attempt = startEmbeddedDatabase({ dataDir: path.join(scratch, "busy"), port });
      await expect(attempt).rejects.toThrow(
        new RegExp(`Port ${port} .* already in use.*EMBEDDED_DB_PORT`),
      );
      expect(existsSync(path.join(scratch, "busy"))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it("refuses a damaged database with a sentence, deleting nothing", async () => {
    const dir = path.join(scratch, "damaged");
    await (await start("damaged")).stop();
    writeFileSync(path.join(dir, "global", "pg_control"), "not a control file");
    const before = readdirSync(dir);
    const attempt = start("damaged");
    await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
    await expect(attempt).rejects.toThrow(
      /could not be opened; it may be damaged.*pg_control.*Move the folder aside \(nothing has been deleted\)/,
    );
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(before));
    expect(readFileSync(path.join(dir, "global", "pg_control"), "utf8")).toBe("not a control file");
  });
});

describe("embedded database as a real server", () => {
  it("serves many connections at once, each its own backend", async () => {
    const server = await start("many");
    // Three "processes" (app server, test runner, seed) with pools of ten: more than the old
    // single-backend server allowed, all running at the same time.
    const pools = [0, 1, 2].map(() => connect(server.url, { max: 10 }).sql);
    try {
      const pids = await Promise.all(
        Array.from(
          { length: 30 },
          (_, i) => pools[i % 3]!<{ pid: number }[]>`select pg_backend_pid() as pid, pg_sleep(0.5)`,
        ),
      );
      expect(new Set(pids.map((rows) => rows[0]!.pid)).size).toBe(30);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
      await server.stop();
    }
  });
});

/**
 * Runs a script that starts a database in `dir`, then `body`; `onReady` when it prints "ready".
 */
function child(
  dir: string,
  body: string,
  onReady?: (pid: number) => void,
): Promise<{ code: number; stderr: string }> {
  const file = path.join(scratch, `child-${path.basename(dir)}.mts`);
  const launcher = path.resolve("scripts/lib/embedded-db.ts");
  writeFileSync(
    file,
    `import { findFreePort, startEmbeddedDatabase, stopOnSignal } from ${JSON.stringify(launcher)};
     const db = await startEmbeddedDatabase({ dataDir: ${JSON.stringify(dir)}, port: await findFreePort() });
     ${body}`,
  );
  const proc = spawn(process.execPath, ["--import", "tsx", file], { stdio: "pipe" });
  let stderr = "";
  proc.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  proc.stdout.on("data", (chunk: Buffer) => {
    if (chunk.toString().includes("ready")) onReady?.(proc.pid!);
  });
  return new Promise((resolve) => proc.on("exit", (code) => resolve({ code: code ?? -1, stderr })));
}

describe("embedded database in a script's lifetime", () => {
  it("leaves the script's own exit code alone", async () => {
    const dir = path.join(scratch, "exit-code");
    expect(await child(dir, "await db.stop();")).toEqual({ code: 0, stderr: "" });
    expect(await child(dir, "await db.stop(); process.exitCode = 3;")).toEqual({
      code: 3,
      stderr: "",
    });
    expect(existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
  });

  it("asks the server to shut down when the script exits without stopping it", async () => {
    const dir = path.join(scratch, "abandoned");
    expect((await child(dir, "process.exit(4);")).code).toBe(4);
    await expect
      .poll(() => existsSync(path.join(dir, "postmaster.pid")), { timeout: 10_000 })
      .toBe(false);
  });

  it("stops the database on SIGTERM and exits 130", async () => {
    const dir = path.join(scratch, "signal");
    // "ready" once the handler is in place: SIGTERM before it would kill the script outright.
    const { code } = await child(
      dir,
      "stopOnSignal(db.stop); console.log('ready'); setInterval(() => {}, 1000);",
      (pid) => process.kill(pid, "SIGTERM"),
    );
    expect(code).toBe(130);
    expect(existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
  });
});
