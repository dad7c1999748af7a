import { mkdirSync, mkdtempSync, rmSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort, startEmbeddedDatabase } from "@/scripts/lib/embedded-db";
import { UserFacingError } from "@/scripts/lib/errors";
import { connect } from "@/db/client";

const scratch = mkdtempSync(path.join(tmpdir(), "embedded-db-test-"));

describe("embedded database launcher", () => {
  it("refuses a folder that is not a database, and leaves it untouched", async () => {
    const dir = path.join(scratch, "not-a-db");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "precious.txt"), "keep me");
    const attempt = startEmbeddedDatabase({ dataDir: dir, port: await findFreePort() });
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
      await expect(
        startEmbeddedDatabase({ dataDir: path.join(scratch, "busy"), port }),
      ).rejects.toThrow(new RegExp(`Port ${port} .* already in use`));
    } finally {
      blocker.close();
    }
  });

  it("starts, keeps data across a restart, and refuses a second opener of the same folder", async () => {
    const dir = path.join(scratch, "db");
    const first = await startEmbeddedDatabase({ dataDir: dir, port: await findFreePort() });
    try {
      await expect(
        startEmbeddedDatabase({ dataDir: dir, port: await findFreePort() }),
      ).rejects.toThrow(/already open in another process/);
      const { sql } = connect(first.url, { max: 1 });
      await sql`create table kept (v int)`;
      await sql`insert into kept values (42)`;
      await sql.end();
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedDatabase({ dataDir: dir, port: await findFreePort() });
    try {
      const { sql } = connect(second.url, { max: 1 });
      const rows = await sql<{ v: number }[]>`select v from kept`;
      expect(rows.map((r) => r.v)).toEqual([42]);
      await sql.end();
    } finally {
      await second.stop();
    }
  });
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("embedded database under concurrent clients", () => {
  it("keeps each client's queries and transactions apart", async () => {
    const server = await startEmbeddedDatabase({
      dataDir: path.join(scratch, "concurrent"),
      port: await findFreePort(),
    });
    // Three "processes" (app server, test runner, seed), each with a pool of five.
    const pools = [0, 1, 2].map(() => connect(server.url, { max: 5 }).sql);
    try {
      await pools[0]!`create table counter (n int not null)`;
      await pools[0]!`insert into counter values (0)`;
      const reads = Array.from(
        { length: 150 },
        (_, i) =>
          pools[i % 3]!<{ v: number; t: string }[]>`select ${i}::int as v, ${"x" + i}::text as t`,
      );
      const writes = Array.from({ length: 30 }, (_, i) =>
        pools[i % 3]!.begin(async (tx) => {
          const [row] = await tx<{ n: number }[]>`select n from counter`;
          await tx`update counter set n = ${row!.n + 1}`;
        }),
      );
      const results = await Promise.all(reads);
      await Promise.all(writes);
      results.forEach((rows, i) => expect(rows[0]).toEqual({ v: i, t: "x" + i }));
      // Read-modify-write in 30 overlapping transactions: no lost update.
      const [final] = await pools[1]!<{ n: number }[]>`select n from counter`;
      expect(final!.n).toBe(30);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
      await server.stop();
    }
  });

  it("rolls back the transaction of a client that disconnects mid-way", async () => {
    const server = await startEmbeddedDatabase({
      dataDir: path.join(scratch, "abandoned"),
      port: await findFreePort(),
    });
    const a = connect(server.url, { max: 1 }).sql;
    const b = connect(server.url, { max: 1 }).sql;
    try {
      await a`create table t (v int)`;
      const reserved = await a.reserve();
      await reserved`begin`;
      await reserved`insert into t values (1)`;
      reserved.release();
      await a.end({ timeout: 0 }); // the connection closes inside the transaction
      const rows = await b<{ n: number }[]>`select count(*)::int as n from t`;
      expect(rows[0]!.n).toBe(0);
    } finally {
      await b.end();
      await server.stop();
    }
  });
});
