// npm run db:migrate | npm run db:seed [-- --no-demo]
// Both act on DATABASE_URL, or on the embedded database in .data/ when it is unset.
import { parseEnv } from "@/lib/env";
import { runMain, UserFacingError } from "./lib/errors";
import { migrateDatabase, seedDatabase } from "./lib/database";
import { withEmbeddedIfNeeded } from "./lib/embedded-default";

runMain(async () => {
  const command = process.argv[2];
  if (command !== "migrate" && command !== "seed") {
    throw new UserFacingError("Usage: tsx scripts/db.ts migrate|seed [--no-demo]");
  }
  await withEmbeddedIfNeeded(async () => {
    const { DATABASE_URL } = parseEnv();
    await migrateDatabase(DATABASE_URL);
    console.log("Migrations applied.");
    if (command === "seed") {
      await seedDatabase(DATABASE_URL, { demo: !process.argv.includes("--no-demo") });
    }
  });
});
