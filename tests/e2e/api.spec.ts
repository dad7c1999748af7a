import { expect, test, type APIRequestContext } from "@playwright/test";
import { OpenApiValidator, type OpenApiDoc } from "../support/openapi";
import { deletePublished, insertPublished, randomWord } from "../support/public-fixtures";
import { sql } from "./fixtures";
import { publicChange } from "./public-helpers";

/*
 * The open-data API over real HTTP, through Next's routing and the proxy: answers validate
 * against the served OpenAPI document, CORS preflights and HEAD work, conditional requests
 * answer 304, bad input is JSON 4xx, and an approval reaches the API at once.
 */

const prefix = `e2e-api-${randomWord(8)}-`;
let validator: OpenApiValidator;

async function getValid(request: APIRequestContext, target: string) {
  const response = await request.get(target);
  expect(response.status(), target).toBeLessThan(500);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  const body = await response.json();
  const problems = validator.check(
    new URL(target, "http://x").pathname,
    "GET",
    response.status(),
    body,
  );
  expect(problems, target).toEqual([]);
  return { response, body };
}

test.beforeAll(async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  validator = new OpenApiValidator((await response.json()) as OpenApiDoc);
});

test.afterAll(async () => {
  await deletePublished(sql, prefix);
  await publicChange();
});

test.describe("the open-data API over HTTP", () => {
  test("answers match the OpenAPI document it serves", async ({ request }) => {
    expect(validator.documentProblems()).toEqual([]);
    for (const target of [
      "/api/v1/arrangements?q=procurement%20Brent",
      "/api/v1/arrangements?region=london&sort=savings&limit=100",
      "/api/v1/arrangements/hub-procurement-services-brent-and-harrow",
      "/api/v1/organisations?kind=police",
      "/api/v1/arrangements?page=0",
      "/api/v1/arrangements?limit=100000",
      "/api/v1/arrangements/no-such-thing",
      `/api/v1/arrangements?q=${encodeURIComponent("' OR 1=1 --")}`,
      "/api/v1/arrangements?q=%00",
      `/api/v1/arrangements?q=${"x".repeat(10_000)}`,
    ]) {
      await getValid(request, target);
    }
    const hub = await getValid(request, "/api/v1/arrangements?q=procurement%20Brent");
    expect(hub.body.data[0].title).toBe("HuB Procurement Services: Brent and Harrow");
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from organisations where kind = 'police'`;
    expect((await getValid(request, "/api/v1/organisations?kind=police")).body.meta.total).toBe(
      row!.n,
    );
  });

  test("CORS: any origin may read; preflights are answered", async ({ request }) => {
    const get = await request.get("/api/v1/arrangements?limit=1", {
      headers: { Origin: "https://example.com" },
    });
    expect(get.headers()["access-control-allow-origin"]).toBe("*");
    for (const path of [
      "/api/v1/arrangements",
      "/api/v1/arrangements/x",
      "/api/v1/organisations",
      "/api/v1/openapi.json",
    ]) {
      const preflight = await request.fetch(path, {
        method: "OPTIONS",
        headers: {
          Origin: "https://example.com",
          "Access-Control-Request-Method": "GET",
          "Access-Control-Request-Headers": "if-none-match",
        },
      });
      expect(preflight.status(), path).toBe(204);
      expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
      expect(preflight.headers()["access-control-allow-methods"]).toContain("GET");
      expect(preflight.headers()["access-control-allow-headers"]?.toLowerCase()).toContain(
        "if-none-match",
      );
    }
  });

  test("HEAD, conditional GET, and methods it does not take", async ({ request }) => {
    const target = "/api/v1/arrangements?category=legal";
    const get = await request.get(target);
    const etag = get.headers()["etag"]!;
    expect(etag).toMatch(/^W\//);
    expect(get.headers()["cache-control"]).toBe("public, max-age=60, stale-while-revalidate=60");

    const head = await request.head(target);
    expect(head.status()).toBe(200);
    expect(head.headers()["etag"]).toBe(etag);
    expect((await head.body()).length).toBe(0);

    const again = await request.get(target, { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);

    const post = await request.post("/api/v1/arrangements", { data: {} });
    expect(post.status()).toBe(405);
  });

  test("answers are cached, and an approval reaches the API at once", async ({ request }) => {
    const word = `${randomWord(8)}lantern`;
    const target = `/api/v1/arrangements?q=${word}`;
    expect((await getValid(request, target)).body.meta.total).toBe(0);
    await insertPublished(sql, {
      slug: `${prefix}approved`,
      title: `Joint ${word} team`,
      lead: "E09000005",
      partners: ["E09000015"],
      mainCategory: "ict",
      savings: [{ year: 2021, pence: 100n, kind: "forecast" }],
    });
    // Written without telling the cache: the cached answer stands.
    expect((await getValid(request, target)).body.meta.total).toBe(0);
    await publicChange();
    await expect
      .poll(async () => (await getValid(request, target)).body.meta.total, { timeout: 10_000 })
      .toBe(1);
    const detail = await getValid(request, `/api/v1/arrangements/${prefix}approved`);
    expect(detail.body.data.forecast_savings_pence).toBe("100");
    expect(detail.body.data.total_savings).toBe("£1");
  });
});
