import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";
import drizzle from "eslint-plugin-drizzle";
import prettier from "eslint-config-prettier";

/*
 * The layers, enforced: app → components → lib → db, nothing upward (docs/architecture.md).
 * Pages and route handlers reach the database only through lib/, so authorisation and the
 * published-register rules cannot be skipped. scripts/ and tests/ may import anything.
 * Type imports count too: a type from a higher layer is still a dependency on it.
 */
const LAYERS = [
  { type: "app", pattern: "app", partialMatch: false },
  { type: "components", pattern: "components", partialMatch: false },
  { type: "lib", pattern: "lib", partialMatch: false },
  // Before db: the first match names a file's layer.
  { type: "seed", pattern: "db/seed", partialMatch: false },
  { type: "db", pattern: "db", partialMatch: false },
  { type: "scripts", pattern: "scripts", partialMatch: false },
  { type: "tests", pattern: "tests", partialMatch: false },
];
const ALL = LAYERS.map((layer) => layer.type);

const element = (type, file) => ({ element: file ? { type, fileInternalPath: file } : { type } });
const allow = (from, to) => ({ from: element(from), allow: { to: element(to) } });

const layers = {
  files: ["**/*.{ts,tsx,js,jsx,mjs}"],
  plugins: { boundaries },
  settings: { "boundaries/elements": LAYERS },
  rules: {
    "boundaries/dependencies": [
      "error",
      {
        default: "disallow",
        message: "{{from.type}}/ may not import {{to.type}}/ (layers: app → components → lib → db)",
        policies: [
          allow("app", ["app", "components", "lib"]),
          allow("components", ["components", "lib"]),
          allow("lib", ["lib", "db"]),
          allow("db", "db"),
          // The one parsed environment (DATABASE_URL, DB_POOL_MAX) is lib's; the pool reads it.
          { from: element("db", "client.ts"), allow: { to: element("lib", "env.ts") } },
          // The seed is the one allowed exception: it writes the domain's own reference lists
          // (service categories, benefits, financial years), which live in lib/. It runs only
          // from scripts/ and tests/; nothing in app/, components/ or lib/ imports it.
          allow("seed", ["seed", "db", "lib"]),
          allow("scripts", ALL),
          allow("tests", ALL),
        ],
      },
    ],
  },
};

// proxy.ts (Next.js's request entry point) and instrumentation.ts (its start-up hook) sit at the
// root where no layer's folder holds them: they are app-level code, so the same rule for them.
const proxy = {
  files: ["proxy.ts", "instrumentation.ts", "instrumentation-client.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: ["@/db", "@/db/*", "./db/*"], message: "Reach the database through lib/." },
        ],
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      // An UPDATE or DELETE without WHERE on a register like this one is never what we mean.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  layers,
  proxy,
  {
    // Reads are typed end to end: a hand-typed row is one the compiler cannot check.
    files: ["lib/**/*.ts", "db/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='execute'][typeArguments]",
          message:
            "execute<Row>() trusts a hand-typed row. Use Drizzle's builder, or checkedRows/checkedRow (db/checked-rows.ts) with a zod schema of the row.",
        },
      ],
    },
  },
  prettier,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      ".test-data/**",
      "db/migrations/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
];

export default config;
