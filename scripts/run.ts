// npm run dev | npm start: the whole site in one command. With no DATABASE_URL it starts the
// embedded database, migrates it and seeds demo data on first start; with DATABASE_URL it
// migrates that database (and seeds it if it is empty) before starting Next.js.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { assertPortFree } from "./lib/embedded-db";
import { withEmbeddedIfNeeded } from "./lib/embedded-default";
import { migrateDatabase, seedDatabase } from "./lib/database";
import { runMain, UserFacingError } from "./lib/errors";

runMain(async () => {
  const mode = process.argv[2];
  if (mode !== "dev" && mode !== "start")
    throw new UserFacingError("Usage: tsx scripts/run.ts dev|start");
  if (mode === "start" && !existsSync(path.join(".next", "BUILD_ID"))) {
    throw new UserFacingError("There is no production build yet. Run `npm run build` first.");
  }
  const port = Number(process.env.PORT ?? 3000);
  await assertPortFree(
    port,
    "web server",
    "Stop whatever is using it, or set PORT to a free port.",
  );
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  if (!process.env.NEXTAUTH_SECRET) {
    process.env.NEXTAUTH_SECRET = localSecret();
    console.log("NEXTAUTH_SECRET not set: using a generated one kept in .data/auth-secret.");
  }

  await withEmbeddedIfNeeded(async (embedded) => {
    const { DATABASE_URL } = parseEnv();
    await migrateDatabase(DATABASE_URL);
    // Demo data on by default so a fresh clone shows a full site; SEED_DEMO=false for production.
    const seeded = await seedDatabase(DATABASE_URL, {
      demo: process.env.SEED_DEMO !== "false",
      ifEmpty: true,
    });
    if (seeded) console.log("First start: reference and demo data loaded.");
    console.log(
      `Database: ${embedded ? `embedded (${embedded.dataDir})` : "DATABASE_URL"}. Site: http://localhost:${port}`,
    );

    const next = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
    const child = spawn(process.execPath, [next, mode, "--port", String(port)], {
      stdio: "inherit",
      env: process.env,
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 0)));
    process.off("SIGINT", forward);
    process.off("SIGTERM", forward);
    if (code !== 0 && code !== 130) process.exitCode = code;
  });
});

/** A secret for local runs, made once and kept so sign-ins survive a restart. */
function localSecret(): string {
  const file = path.join(".data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(".data", { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
