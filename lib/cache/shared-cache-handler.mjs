// @ts-check
/**
 * Next.js's incremental cache (ISR pages, route responses, unstable_cache data), shared in
 * meaning by every app instance that uses the same PostgreSQL database.
 *
 * Entries live in this process's memory (an LRU bounded by PAGE_CACHE_MAX_MB). What instances
 * share is *invalidation*: a change to what the public sees inserts the cache tags it makes stale
 * into `cache_invalidations`, in the same transaction as the change (lib/cache/public-cache.ts).
 * Before serving from memory each instance reads the rows it has not seen yet, at most every
 * CACHE_SYNC_INTERVAL_MS (250 ms), and drops every entry carrying one of those tags. So an
 * approval on one server reaches the public pages of all of them within about a quarter of a
 * second, and a page rendered from data read before the change can never outlive it.
 *
 * Staleness is decided by sequence numbers, never by clocks: an entry remembers the highest
 * invalidation id this process had seen when its render began (the first cache read for its key),
 * and it is stale once any of its tags has a newer invalidation. Clock skew between servers, or a
 * render that straddles a commit, cannot hide a change.
 *
 * Without a database (during `next build`) it is a plain in-memory cache with local tags.
 * If the database cannot be read, the entries already held keep being served with the tag state
 * last seen (nothing new is cached until it answers again).
 *
 * Loaded by Next.js itself (next.config.js `cacheHandler`), so it is plain JavaScript.
 */
import { LRUCache } from "lru-cache";
import postgres from "postgres";

const SYNC_INTERVAL_MS = Number(process.env.CACHE_SYNC_INTERVAL_MS ?? 250);
const MAX_BYTES = Math.max(1, Number(process.env.PAGE_CACHE_MAX_MB ?? 256)) * 1024 * 1024;
const TAGS_HEADER = "x-next-cache-tags";
/** A render that has not written its result within this long is taken to have failed. */
const RENDER_WINDOW_MS = 60_000;

/**
 * @typedef {{ value: any; lastModified: number; seenSeq: number; tags: string[];
 *   cacheControl?: unknown; size: number }} Entry
 */

/** One state per process, even if Next.js loads this module more than once. */
function createState() {
  const url = process.env.DATABASE_URL;
  return {
    /** @type {LRUCache<string, Entry>} */
    entries: new LRUCache({ maxSize: MAX_BYTES, sizeCalculation: (e) => Math.max(1, e.size) }),
    /** Invalidation id of the newest invalidation seen per tag. */
    tagSeq: /** @type {Map<string, number>} */ (new Map()),
    /** The newest invalidation id this process has seen. */
    lastSeq: 0,
    /** Per key, lastSeq at the first read since the key was last written: the render's start. */
    pendingReads: new LRUCache({ max: 50_000 }),
    lastSync: 0,
    /** @type {Promise<void> | null} */
    syncing: null,
    /** True once the current invalidation id has been read from the database. */
    initialised: !url,
    sql: url
      ? postgres(url, {
          max: 1,
          idle_timeout: 30,
          connect_timeout: 5,
          onnotice: () => {},
          connection: { application_name: "shared-services-map-cache" },
        })
      : null,
  };
}

const globalKey = Symbol.for("shared-services-map.cache");
/** @type {ReturnType<typeof createState>} */
const state = /** @type {any} */ (globalThis)[globalKey] ?? createState();
/** @type {any} */ (globalThis)[globalKey] = state;

async function readInvalidations() {
  const sql = state.sql;
  if (!sql) return;
  if (!state.initialised) {
    // Nothing is cached yet, so only the current position matters.
    const [row] = await sql`select coalesce(max(id), 0)::text as id from cache_invalidations`;
    state.lastSeq = Number(row?.id ?? 0);
    state.initialised = true;
    return;
  }
  for (;;) {
    const rows = await sql`
      select id::text as id, tag from cache_invalidations
      where id > ${state.lastSeq} order by id limit 5000`;
    for (const row of rows) {
      const id = Number(row.id);
      state.tagSeq.set(row.tag, id);
      state.lastSeq = Math.max(state.lastSeq, id);
    }
    if (rows.length < 5000) return;
  }
}

/** Reads new invalidations if the last read is older than the interval (or `force`). */
function sync(force = false) {
  if (!state.sql) return Promise.resolve();
  if (!force && state.initialised && Date.now() - state.lastSync < SYNC_INTERVAL_MS) {
    return Promise.resolve();
  }
  state.syncing ??= readInvalidations()
    .then(() => {
      state.lastSync = Date.now();
    })
    .catch(() => {
      // The database is unreachable: keep serving what is held, with the tags last seen. The
      // next request tries again after the interval.
      state.lastSync = Date.now();
    })
    .finally(() => {
      state.syncing = null;
    });
  return state.syncing;
}

/**
 * A render for `key` is about to start: remember the invalidation id it starts from (the first
 * such, until the render's result is written).
 * @param {string} key
 */
function renderStarts(key) {
  const pending = /** @type {{ seq: number; at: number } | undefined} */ (
    state.pendingReads.get(key)
  );
  if (!pending || Date.now() - pending.at >= RENDER_WINDOW_MS) {
    state.pendingReads.set(key, { seq: state.lastSeq, at: Date.now() });
  }
}

/** @param {Entry} entry */
function isPastRevalidate(entry) {
  const revalidate = /** @type {{ revalidate?: number | false } | undefined} */ (entry.cacheControl)
    ?.revalidate;
  return typeof revalidate === "number" && Date.now() - entry.lastModified > revalidate * 1000;
}

/** @param {string[]} tags @param {number} seenSeq */
function invalidated(tags, seenSeq) {
  for (const tag of tags) {
    const seq = state.tagSeq.get(tag);
    if (seq !== undefined && seq > seenSeq) return true;
  }
  return false;
}

/** @param {any} value */
function sizeOf(value) {
  if (!value) return 1;
  let size = 0;
  if (typeof value.html === "string") size += value.html.length;
  if (value.rscData) size += value.rscData.length ?? 0;
  if (value.body) size += value.body.length ?? 0;
  if (value.segmentData instanceof Map) {
    for (const part of value.segmentData.values()) size += part?.length ?? 0;
  }
  if (value.data) size += JSON.stringify(value.data).length;
  return size || 1;
}

/** @param {any} value @param {string[] | undefined} extra */
function tagsOf(value, extra) {
  const header = value?.headers?.[TAGS_HEADER];
  const fromHeader = typeof header === "string" && header ? header.split(",") : [];
  const fromValue = Array.isArray(value?.tags) ? value.tags : [];
  return [...new Set([...fromHeader, ...fromValue, ...(extra ?? [])])];
}

/** Drops this process's entries carrying any of `tags` (no database, or it did not answer). */
/** @param {string[]} tags */
function forgetLocally(tags) {
  const wanted = new Set(tags);
  for (const [key, entry] of state.entries.entries()) {
    if (entry.tags.some((tag) => wanted.has(tag))) state.entries.delete(key);
  }
  state.pendingReads.clear();
}

export default class SharedCacheHandler {
  /** @param {unknown} _context */
  constructor(_context) {}

  /** @param {string} key @param {{ tags?: string[]; softTags?: string[] }} [context] */
  async get(key, context) {
    await sync();
    const entry = state.entries.get(key);
    const tags = entry
      ? [...entry.tags, ...(context?.tags ?? []), ...(context?.softTags ?? [])]
      : [];
    if (!entry || invalidated(tags, entry.seenSeq)) {
      if (entry) state.entries.delete(key);
      renderStarts(key);
      return null;
    }
    // Past its lifetime Next.js serves it and renders a fresh copy in the background.
    if (isPastRevalidate(entry)) renderStarts(key);
    return {
      lastModified: entry.lastModified,
      value: entry.value,
      cacheControl: entry.cacheControl,
    };
  }

  /**
   * @param {string} key @param {any} data
   * @param {{ tags?: string[]; cacheControl?: unknown }} [context]
   */
  async set(key, data, context) {
    const pending = /** @type {{ seq: number; at: number } | undefined} */ (
      state.pendingReads.get(key)
    );
    state.pendingReads.delete(key);
    const seen = pending && Date.now() - pending.at < RENDER_WINDOW_MS ? pending.seq : undefined;
    // Until the current invalidation id is known, nothing cached could be checked: skip.
    if (!state.initialised) return;
    if (data == null) {
      state.entries.delete(key);
      return;
    }
    state.entries.set(key, {
      value: data,
      lastModified: Date.now(),
      seenSeq: seen === undefined ? state.lastSeq : Math.min(seen, state.lastSeq),
      tags: tagsOf(data, context?.tags),
      cacheControl: context?.cacheControl,
      size: sizeOf(data),
    });
  }

  /** revalidateTag()/revalidatePath(): tell every instance, and this one at once. */
  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    const list = (Array.isArray(tags) ? tags : [tags]).filter(Boolean);
    if (list.length === 0) return;
    if (state.sql) {
      try {
        await state.sql`insert into cache_invalidations (tag) select unnest(${list}::text[])`;
        await sync(true);
        return;
      } catch {
        // Fall through: at least this instance forgets the entries now.
      }
    }
    forgetLocally(list);
  }

  resetRequestCache() {}
}
