import path from "node:path";
import { isPostgresUrl } from "@/lib/env";
import {
  DEFAULT_EMBEDDED_PORT,
  EMBEDDED_MAX_CONNECTIONS,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from "./embedded-db";
import { UserFacingError } from "./errors";

export const EMBEDDED_DATA_DIR = path.join(".data", "pglite");

/**
 * With no DATABASE_URL, starts the embedded database over .data/pglite and points
 * DATABASE_URL at it for this process and its children; stops it when `work` ends.
 */
export async function withEmbeddedIfNeeded<T>(
  work: (embedded: EmbeddedDatabase | undefined) => Promise<T>,
): Promise<T> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    if (!isPostgresUrl(configured)) {
      throw new UserFacingError(
        "DATABASE_URL is not a PostgreSQL URL. It should look like postgres://user:password@host:5432/database (or unset it to use the embedded database).",
      );
    }
    return work(undefined);
  }
  const port = Number(process.env.PGLITE_PORT ?? DEFAULT_EMBEDDED_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserFacingError("PGLITE_PORT must be a port number between 1 and 65535.");
  }
  const embedded = await startEmbeddedDatabase({ dataDir: EMBEDDED_DATA_DIR, port });
  process.env.DATABASE_URL = embedded.url;
  process.env.DB_POOL_MAX ??= String(Math.min(10, EMBEDDED_MAX_CONNECTIONS));
  const stop = () => void embedded.stop().then(() => process.exit(130));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    return await work(embedded);
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    await embedded.stop();
  }
}
