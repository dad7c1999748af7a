import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSharedCacheHandler } from "@/lib/cache/shared-cache-handler.mjs";
import { testDatabase } from "../support/db";

/*
 * The cache handler as two app servers would run it: two handlers, each with its own memory,
 * sharing only the database. An invalidation written by one (or by any transaction) must reach
 * the other within its sync interval, and a render that began before a change must never be
 * served after it.
 */

const url = process.env.DATABASE_URL!;
const SYNC_MS = 20;
const { sql } = testDatabase();
const tag = `test-tag-${Date.now()}`;
const otherTag = `${tag}-other`;

type Handler = InstanceType<ReturnType<typeof createSharedCacheHandler>>;
const ServerA = createSharedCacheHandler({ databaseUrl: url, syncIntervalMs: SYNC_MS });
const ServerB = createSharedCacheHandler({ databaseUrl: url, syncIntervalMs: SYNC_MS });
const a: Handler = new ServerA();
const b: Handler = new ServerB();

const page = (html: string, tags: string[]) => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from(html),
  headers: { "x-next-cache-tags": tags.join(",") },
  status: 200,
});
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a request does: read, and on a miss render and write. */
async function render(handler: Handler, key: string, html: string, tags = [tag]) {
  const hit = await handler.get(key, { tags: [] });
  if (hit) return (hit.value as { html: string }).html;
  await handler.set(key, page(html, tags), { tags: [] });
  return null;
}

beforeAll(async () => {
  // Each handler learns the current position on its first read.
  await a.get("warm-up");
  await b.get("warm-up");
});
afterAll(async () => {
  await ServerA.close();
  await ServerB.close();
  await sql.end();
});

describe("shared cache handler", () => {
  it("serves what it holds until a transaction elsewhere invalidates its tag", async () => {
    await render(a, "/page-1", "v1");
    await render(b, "/page-1", "v1");
    await render(a, "/page-untouched", "kept", [otherTag]);
    expect(await render(a, "/page-1", "never")).toBe("v1");
    expect(await render(b, "/page-1", "never")).toBe("v1");

    // The change and its invalidation commit together, as lib/cache/public-cache.ts does.
    await sql.begin((tx) => tx`insert into cache_invalidations (tag) values (${tag})`);
    await pause(SYNC_MS * 3);

    expect(await a.get("/page-1")).toBeNull();
    expect(await b.get("/page-1")).toBeNull();
    expect(await render(a, "/page-untouched", "never")).toBe("kept");
  });

  it("an invalidation rolled back with its change invalidates nothing", async () => {
    await render(a, "/page-2", "v1");
    await sql
      .begin(async (tx) => {
        await tx`insert into cache_invalidations (tag) values (${tag})`;
        throw new Error("roll back");
      })
      .catch(() => {});
    await pause(SYNC_MS * 3);
    expect(await render(a, "/page-2", "never")).toBe("v1");
  });

  it("a render that began before a change is not served after it", async () => {
    // The miss starts a render that read the old data...
    expect(await a.get("/page-3")).toBeNull();
    // ...the change commits and this server learns of it while the render is still running...
    await sql`insert into cache_invalidations (tag) values (${tag})`;
    await pause(SYNC_MS * 3);
    await a.get("/unrelated");
    // ...and the render finishes afterwards. Its copy must not be served.
    await a.set("/page-3", page("old data", [tag]), { tags: [] });
    expect(await a.get("/page-3")).toBeNull();
    // The next render starts after the change and is kept.
    await a.set("/page-3", page("new data", [tag]), { tags: [] });
    expect(await render(a, "/page-3", "never")).toBe("new data");
  });

  it("revalidateTag on one server reaches the other", async () => {
    await render(a, "/page-4", "v1");
    await render(b, "/page-4", "v1");
    await a.revalidateTag([tag]);
    expect(await a.get("/page-4")).toBeNull();
    await pause(SYNC_MS * 3);
    expect(await b.get("/page-4")).toBeNull();
  });

  it("checks the tags Next.js passes for data entries as well as the entry's own", async () => {
    const key = "fetch-entry";
    expect(await a.get(key, { tags: [tag] })).toBeNull();
    await a.set(key, { kind: "FETCH", data: { body: "1" }, revalidate: 3600 }, { tags: [tag] });
    expect(await a.get(key, { tags: [tag] })).not.toBeNull();
    await sql`insert into cache_invalidations (tag) values (${tag})`;
    await pause(SYNC_MS * 3);
    expect(await a.get(key, { tags: [tag] })).toBeNull();
  });

  it("without a database it is a local cache whose revalidateTag drops tagged entries", async () => {
    const Local = createSharedCacheHandler({ databaseUrl: null });
    const local = new Local();
    await render(local, "/x", "v1");
    await render(local, "/y", "other", [otherTag]);
    expect(await render(local, "/x", "never")).toBe("v1");
    await local.revalidateTag(tag);
    expect(await local.get("/x")).toBeNull();
    expect(await render(local, "/y", "never")).toBe("other");
  });

  it("keeps serving what it holds when the database stops answering", async () => {
    const Unreachable = createSharedCacheHandler({
      databaseUrl: url,
      syncIntervalMs: SYNC_MS,
    });
    const handler = new Unreachable();
    await handler.get("warm-up");
    await render(handler, "/held", "held");
    await Unreachable.close(); // its connection is gone: every sync now fails
    await pause(SYNC_MS * 3);
    expect(await render(handler, "/held", "never")).toBe("held");
  });
});
