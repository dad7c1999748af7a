// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) served over the Postgres
// wire protocol, as its own process that alone owns the data folder. Two processes opening
// the same folder would silently lose writes, so the app (and Next's workers) always go
// through this server with postgres.js, exactly as they would to a real PostgreSQL.
//
// Usage: node scripts/pglite-server.mjs <data-dir> <port> <max-connections>
// Prints one line "ready" on stdout when it accepts connections.
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const [dataDir, portArg, maxArg] = process.argv.slice(2);
if (!dataDir || !portArg) {
  console.error("usage: pglite-server.mjs <data-dir> <port> [max-connections]");
  process.exit(2);
}

let db;
let server;
try {
  db = await PGlite.create(dataDir);
} catch (error) {
  console.error(`cannot-open: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(3);
}

try {
  server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: Number(portArg),
    maxConnections: Number(maxArg ?? 20),
  });
  await server.start();
} catch (error) {
  console.error(`cannot-listen: ${error instanceof Error ? error.message : String(error)}`);
  await db.close();
  process.exit(4);
}

console.log("ready");

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    await server.stop();
  } finally {
    // Closing flushes PGlite's files: never exit without it.
    await db.close();
    process.exit(0);
  }
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// If the parent dies without telling us, stop cleanly rather than linger holding the folder.
process.on("disconnect", stop);
