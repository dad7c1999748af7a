import "server-only";
import postgres from "postgres";
import { env } from "@/lib/env";

/** How long a database check's answer is reused by `databaseAvailable`. */
const CHECK_EVERY_MS = 1000;
const TIMEOUT_MS = 2000;

const globalForHealth = globalThis as unknown as { __sharedServicesHealth?: postgres.Sql };

/**
 * The check's own connection, outside the application pool: when every pooled connection is
 * busy with pages (a burst of traffic, a saturated machine), a `select 1` queued behind them
 * would time out and turn a busy-but-up database into a 503 for everyone. This one connection
 * is only ever used for the check, so it answers whether the database answers.
 */
function healthConnection(): postgres.Sql {
  globalForHealth.__sharedServicesHealth ??= postgres(env().DATABASE_URL, {
    max: 1,
    connect_timeout: TIMEOUT_MS / 1000,
    onnotice: () => {},
    connection: { application_name: "shared-services-map health" },
  });
  return globalForHealth.__sharedServicesHealth;
}

/** True when the database answers a trivial query within two seconds. */
export async function checkDatabase(timeoutMs = TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      healthConnection()`select 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

const state: { checkedAt: number; available: boolean; pending: Promise<boolean> | null } = {
  checkedAt: 0,
  available: true,
  pending: null,
};

/**
 * Whether the database answers, checked at most once a second per process (concurrent callers
 * share one check), so the proxy can turn every request away with a plain 503 while it is down
 * and let them through again as soon as it is back — no restart needed.
 */
export async function databaseAvailable(): Promise<boolean> {
  if (Date.now() - state.checkedAt < CHECK_EVERY_MS) return state.available;
  state.pending ??= checkDatabase(TIMEOUT_MS)
    .then((available) => {
      state.available = available;
      state.checkedAt = Date.now();
      return available;
    })
    .finally(() => {
      state.pending = null;
    });
  return state.pending;
}
