import { existsSync } from "node:fs";
import path from "node:path";
import { isPostgresUrl } from "@/lib/env";
import {
  DEFAULT_EMBEDDED_PORT,
  EMBEDDED_PORT_VARIABLE,
  startEmbeddedDatabase,
  stopOnSignal,
  type EmbeddedDatabase,
} from "./embedded-db";
import { UserFacingError } from "./errors";

export const EMBEDDED_DATA_DIR = path.join(".data", "postgres");
/** Where the embedded database lived before it was real PostgreSQL; never read now. */
const FORMER_DATA_DIR = path.join(".data", "pglite");

/**
 * With no DATABASE_URL, starts the embedded database over .data/postgres and points
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
  const port = Number(process.env[EMBEDDED_PORT_VARIABLE] ?? DEFAULT_EMBEDDED_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserFacingError(
      `${EMBEDDED_PORT_VARIABLE} must be a port number between 1 and 65535.`,
    );
  }
  const embedded = await startEmbeddedDatabase({ dataDir: EMBEDDED_DATA_DIR, port });
  if (embedded.created && existsSync(FORMER_DATA_DIR)) {
    console.log(
      `${FORMER_DATA_DIR} holds the former embedded database (PGlite) and is not read: this is a fresh database in ${EMBEDDED_DATA_DIR}. Delete ${FORMER_DATA_DIR} when you no longer need it.`,
    );
  }
  process.env.DATABASE_URL = embedded.url;
  const release = stopOnSignal(embedded.stop);
  try {
    return await work(embedded);
  } finally {
    release();
    await embedded.stop();
  }
}
