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
