import "server-only";
import { sql } from "@/db/client";

/** How long a database check's answer is reused by `databaseAvailable`. */
const CHECK_EVERY_MS = 1000;
const TIMEOUT_MS = 2000;

/** True when the database answers a trivial query within two seconds. */
export async function checkDatabase(timeoutMs = TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      sql()`select 1`,
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
