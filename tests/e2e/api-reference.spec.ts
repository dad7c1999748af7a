import { expect, test } from "@playwright/test";
import { axeViolations } from "./a11y";
import { main } from "./fixtures";

/*
 * The API reference page (/data/api) over real HTTP: it answers 200, lists every path and method
 * of the OpenAPI document the server serves, is axe clean, and each worked example's request
 * answers 200 with JSON shaped like the example shown. The public links lead to it.
 */

type Json = Record<string, unknown>;
const METHODS = ["get", "head", "post", "put", "patch", "delete", "options"];

test.describe("the API reference page", () => {
  test("lists every endpoint of the served document, is axe clean, and links the raw JSON", async ({
    page,
    request,
  }) => {
    // Every endpoint's fields make a long page (some 2,000 elements): axe needs 10 to 30 s.
    test.setTimeout(60_000);
    const doc = (await (await request.get("/api/v1/openapi.json")).json()) as Json;
    const expected = Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
      METHODS.filter((m) => m in item).map((m) => `${m.toUpperCase()} ${path}`),
    );

    const response = await page.goto("/data/api");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle("API reference – Council Shared Services Map");
    const headings = await main(page).locator("[data-testid=endpoint] h2").allTextContents();
    expect(headings.sort()).toEqual([...expected].sort());
    await expect(main(page).getByRole("link", { name: /OpenAPI 3\.1 document/ })).toHaveAttribute(
      "href",
      "/api/v1/openapi.json",
    );
    await expect(
      main(page).getByRole("table", {
        name: "Parameters of GET /api/v1/arrangements",
        exact: true,
      }),
    ).toContainText("sort");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("every worked example's request answers 200 with JSON like the example", async ({
    page,
    request,
  }) => {
    await page.goto("/data/api");
    const sections = main(page).locator("[data-testid=endpoint]");
    const examples = main(page).getByTestId("example-url");
    const count = await examples.count();
    expect(count).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < count; i++) {
      const href = (await examples.nth(i).getAttribute("href"))!;
      const answer = await request.get(href);
      expect(answer.status(), href).toBe(200);
      expect(answer.headers()["content-type"], href).toMatch(/^application\/json/);
      const body = (await answer.json()) as Json;
      // The example answer shown beside it names the same top-level fields.
      const section = sections.filter({ has: page.locator(`a[href="${href}"]`) });
      const shown = await section.locator("pre code").nth(1).textContent();
      const shownKeys = Object.keys(JSON.parse(shown!) as Json);
      if (href === "/api/v1/openapi.json") continue;
      expect(Object.keys(body).sort(), href).toEqual(shownKeys.sort());
    }
  });

  test("the public site's API links lead to it", async ({ page }) => {
    await page.goto("/arrangements/hub-procurement-services-brent-and-harrow");
    await main(page).getByRole("link", { name: "how the API works" }).click();
    await expect(page).toHaveURL(/\/data\/api$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("API reference");
    await expect(
      page.getByRole("navigation", { name: "About this site" }).getByRole("link", {
        name: "API reference",
      }),
    ).toHaveAttribute("href", "/data/api");
  });
});
