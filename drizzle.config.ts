import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` reads this: it needs the schema, not a database.
// Migrations are applied by scripts/db.ts through the app's own driver.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
  strict: true,
  verbose: true,
});
