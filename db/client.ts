import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
export type Sql = postgres.Sql;

/** Opens a pool on a URL. The app uses `db()`; scripts and tests open their own. */
export function connect(url: string, options: { max?: number } = {}): { db: Db; sql: Sql } {
  const sql = postgres(url, {
    max: options.max ?? 10,
    // Silence NOTICEs such as "relation already exists, skipping" from idempotent DDL.
    onnotice: () => {},
    // bigint columns (money in pence) come back as JavaScript BigInt, never as lossy numbers.
    types: { bigint: postgres.BigInt },
    connection: { application_name: "shared-services-map" },
  });
  return { db: drizzle(sql, { schema, casing: "snake_case" }), sql };
}

const globalForDb = globalThis as unknown as { __sharedServicesDb?: { db: Db; sql: Sql } };

/** The one application pool, kept on globalThis so hot reload in development does not leak it. */
function pool() {
  if (!globalForDb.__sharedServicesDb) {
    const e = env();
    globalForDb.__sharedServicesDb = connect(e.DATABASE_URL, { max: e.DB_POOL_MAX });
  }
  return globalForDb.__sharedServicesDb;
}

export function db(): Db {
  return pool().db;
}

export function sql(): Sql {
  return pool().sql;
}

/** A transaction handed to `db().transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the pool or a transaction: functions that write take this so callers choose. */
export type DbOrTx = Db | Tx;
