// npm run db:migrate | npm run db:seed [-- --no-demo]
// Both act on DATABASE_URL, or on the embedded database in .data/ when it is unset.
import { runMain, UserFacingError } from "./lib/errors";
import { migrateDatabase, seedDatabase } from "./lib/database";
import { withEmbeddedIfNeeded } from "./lib/embedded-default";

runMain(async () => {
  const command = process.argv[2];
  if (command !== "migrate" && command !== "seed") {
    throw new UserFacingError("Usage: tsx scripts/db.ts migrate|seed [--no-demo]");
  }
  await withEmbeddedIfNeeded(async () => {
    // Only the database is needed here, not the app's whole environment (auth secret etc.).
    const DATABASE_URL = process.env.DATABASE_URL!;
    await migrateDatabase(DATABASE_URL);
    console.log("Migrations applied.");
    if (command === "seed") {
      await seedDatabase(DATABASE_URL, { demo: !process.argv.includes("--no-demo") });
    }
  });
});
