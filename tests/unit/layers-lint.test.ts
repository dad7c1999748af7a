import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/*
 * The layer rules in eslint.config.mjs (app → components → lib → db, nothing upward), run
 * through ESLint's own API on virtual files that import real modules: each wrong import must be
 * refused, and the right ones must lint clean. Loading the project's configuration (Next's rules
 * and the TypeScript parser) takes a few seconds, once.
 */

const root = path.resolve(import.meta.dirname, "..", "..");
let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // The first lint loads the configuration and its plugins.
  await eslint.lintText("export {};\n", { filePath: path.join(root, "lib/warm-up.ts") });
}, 120_000);

const LAYER_RULES = new Set(["boundaries/dependencies", "no-restricted-imports"]);

/** What ESLint says about `source` saved as `file` (relative to the repository). */
async function lint(file: string, source: string) {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result!.messages;
}

async function layerErrors(file: string, source: string) {
  return (await lint(file, source)).filter((m) => m.ruleId && LAYER_RULES.has(m.ruleId));
}

const use = (specifier: string, name: string) =>
  `import { ${name} } from "${specifier}";\n\nexport const used = ${name};\n`;

describe("the layer rules refuse imports that go upward or skip lib/", () => {
  it.each([
    ["lib/example.ts", "@/app/login/actions", "signOutAction", /lib\/ may not import app\//],
    ["lib/example.ts", "@/components/site-footer", "SiteFooter", /lib\/ may not import comp/],
    ["components/example.tsx", "@/app/login/actions", "signOutAction", /components\/ may not/],
    ["components/example.tsx", "@/db/client", "db", /components\/ may not import db\//],
    ["app/example/page.tsx", "@/db/client", "db", /app\/ may not import db\//],
    ["app/example/page.tsx", "@/db/schema", "users", /app\/ may not import db\//],
    ["db/example.ts", "@/lib/money", "formatPence", /db\/ may not import lib\//],
    // The exception for the pool is for lib/env.ts only.
    ["db/client.ts", "@/lib/money", "formatPence", /db\/ may not import lib\//],
    ["proxy.ts", "@/db/client", "db", /through lib\//],
  ])("%s importing %s", async (file, specifier, name, message) => {
    const errors = await layerErrors(file, use(specifier, name));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.severity).toBe(2);
    expect(errors[0]!.message).toMatch(message);
  });

  it("counts a type-only import as a dependency too", async () => {
    const source = `import type { CurrentUser } from "@/lib/auth/access";\n
export type Holder = { user: CurrentUser };\n`;
    expect(await layerErrors("db/example.ts", source)).toHaveLength(1);
  });
});

describe("the layer rules accept the imports the architecture allows", () => {
  it.each([
    ["app/example/page.tsx", "@/lib/env", "env"],
    ["app/example/page.tsx", "@/components/site-footer", "SiteFooter"],
    ["components/example.tsx", "@/lib/money", "formatPence"],
    ["lib/example.ts", "@/db/client", "db"],
    ["db/example.ts", "@/db/schema", "users"],
    ["db/client.ts", "@/lib/env", "env"],
    ["db/seed/example.ts", "@/lib/categories", "SERVICE_CATEGORIES"],
    ["proxy.ts", "@/lib/health", "databaseAvailable"],
    ["scripts/example.ts", "@/db/seed", "seed"],
    ["tests/unit/example.test.ts", "@/app/login/actions", "signOutAction"],
  ])("%s importing %s", async (file, specifier, name) => {
    expect(await lint(file, use(specifier, name))).toEqual([]);
  });
});
