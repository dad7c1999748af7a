import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import superjson from "superjson";
import type { DbOrTx } from "@/db/client";
import { cacheInvalidations } from "@/db/schema";

/*
 * The public site's cache, in one place.
 *
 * Public pages (app/(public)) are cached whole by Next.js (ISR) and their data by `cachedPublic`;
 * both carry PUBLIC_TAG. Anything that changes what the public sees — an approval, a rejection
 * of a change to a published arrangement, an organisation's edit — calls `recordPublicChange` in
 * its transaction (so every app instance learns of it, lib/cache/shared-cache-handler.mjs) and
 * `revalidatePublicPages` after the commit (so this instance drops its pages at once). Commands
 * do both through `publicChanged()` in lib/commands/transact.ts.
 *
 * Only approved revisions are ever read under this cache, and no public page reads the session,
 * so nothing cached can hold a draft or a signed-in user's content.
 */

/** Carried by every cached public page and every cached public query. */
export const PUBLIC_TAG = "public-register";

/** A safety net: cached public data is rebuilt at least this often even without a change. */
export const PUBLIC_REVALIDATE_SECONDS = 3600;

/** Writes the invalidation in the caller's transaction: it exists if and only if the change does. */
export async function recordPublicChange(tx: DbOrTx): Promise<void> {
  await tx.insert(cacheInvalidations).values({ tag: PUBLIC_TAG });
}

/**
 * Drops this instance's cached public pages now (call after the commit). Outside a Next.js
 * request (scripts, tests) there is no page cache to drop, and the call does nothing.
 */
export function revalidatePublicPages(): void {
  try {
    revalidateTag(PUBLIC_TAG, { expire: 0 });
  } catch (error) {
    if (!isOutsideNext(error)) throw error;
  }
}

function isOutsideNext(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /static generation store|workStore|outside a request scope|Invariant/i.test(message);
}

/**
 * Caches a public read under PUBLIC_TAG. Arguments become part of the key, so pass plain,
 * normalised values (parsed filters). Results may hold bigint (pence) and Date: they are
 * serialised with superjson, which keeps both exact.
 *
 * Outside Next.js (integration tests, scripts) the function simply runs.
 */
export function cachedPublic<A extends unknown[], R>(
  name: string,
  fn: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  const cached = unstable_cache(
    async (...args: A) => superjson.stringify(await fn(...args)),
    ["public", name],
    { tags: [PUBLIC_TAG], revalidate: PUBLIC_REVALIDATE_SECONDS },
  );
  return async (...args: A) => {
    if (!insideNext()) return fn(...args);
    return superjson.parse<R>(await cached(...args));
  };
}

/** True inside a Next.js server (a request or a build), where unstable_cache works. */
function insideNext(): boolean {
  return process.env.NEXT_RUNTIME === "nodejs" || process.env.NEXT_PHASE !== undefined;
}
