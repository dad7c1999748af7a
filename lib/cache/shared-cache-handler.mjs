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
 * second, and a page rendered from data read before the change cannot outlive it.
 *
 * Staleness is decided by sequence numbers, never by clocks: an entry remembers the highest
 * invalidation id this process had seen when its render began (the cache miss for its key), and
 * it is stale once any of its tags has a newer invalidation. Clock skew between servers, or a
 * render that straddles a commit, cannot hide a change.
 *
 * Without a database (during `next build`) it is a plain in-memory cache with local tags.
 * If the database stops answering, the entries already held keep being served with the tag state
 * last seen, and the next sync tries again.
 *
 * Loaded by Next.js itself (next.config.js `cacheHandler`), so it is plain JavaScript.
 */
import { LRUCache } from "lru-cache";
import postgres from "postgres";

const TAGS_HEADER = "x-next-cache-tags";
/** A render that has not written its result within this long is taken to have failed. */
const RENDER_WINDOW_MS = 60_000;
/** Rows read per query while catching up. */
const BATCH = 5000;

/**
 * @typedef {{ value: any; lastModified: number; seenSeq: number; tags: string[];
 *   cacheControl?: unknown; size: number }} Entry
 * @typedef {{ databaseUrl?: string | null; syncIntervalMs?: number; maxBytes?: number;
 *   disabled?: boolean }} Options
 */

/** @param {Options} options */
function createState(options) {
  const url = options.databaseUrl ?? null;
  return {
    syncIntervalMs: options.syncIntervalMs ?? 250,
    /** @type {LRUCache<string, Entry>} */
    entries: new LRUCache({
      maxSize: options.maxBytes ?? 256 * 1024 * 1024,
      sizeCalculation: (/** @type {Entry} */ e) => Math.max(1, e.size),
    }),
    /** Invalidation id of the newest invalidation seen, per tag. */
    tagSeq: /** @type {Map<string, number>} */ (new Map()),
    /** The newest invalidation id this process has seen. */
    lastSeq: 0,
    /** Per key: lastSeq when a render for it began (a miss), until its result is written. */
    renders: /** @type {LRUCache<string, { seq: number; at: number }>} */ (
      new LRUCache({ max: 50_000 })
    ),
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

/** @typedef {ReturnType<typeof createState>} State */

/** @param {State} state */
async function readInvalidations(state) {
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
      where id > ${state.lastSeq} order by id limit ${BATCH}`;
    for (const row of rows) {
      const id = Number(row.id);
      state.tagSeq.set(row.tag, id);
      if (id > state.lastSeq) state.lastSeq = id;
    }
    if (rows.length < BATCH) return;
  }
}

/**
 * Reads new invalidations if the last read is older than the interval (or `force`).
 * @param {State} state @param {boolean} [force]
 */
function sync(state, force = false) {
  if (!state.sql) return Promise.resolve();
  if (!force && state.initialised && Date.now() - state.lastSync < state.syncIntervalMs) {
    return Promise.resolve();
  }
  state.syncing ??= readInvalidations(state)
    .then(() => {
      state.lastSync = Date.now();
    })
    .catch(() => {
      // The database is unreachable: keep serving what is held, with the tags last seen.
      state.lastSync = Date.now();
    })
    .finally(() => {
      state.syncing = null;
    });
  return state.syncing;
}

/** @param {State} state @param {string} key */
function renderStarts(state, key) {
  const pending = state.renders.get(key);
  if (!pending || Date.now() - pending.at >= RENDER_WINDOW_MS) {
    state.renders.set(key, { seq: state.lastSeq, at: Date.now() });
  }
}

/** @param {Entry} entry */
function isPastRevalidate(entry) {
  const revalidate = /** @type {{ revalidate?: number | false } | undefined} */ (entry.cacheControl)
    ?.revalidate;
  return typeof revalidate === "number" && Date.now() - entry.lastModified > revalidate * 1000;
}

/** @param {State} state @param {string[]} tags @param {number} seenSeq */
function invalidated(state, tags, seenSeq) {
  for (const tag of tags) {
    const seq = state.tagSeq.get(tag);
    if (seq !== undefined && seq > seenSeq) return true;
  }
  return false;
}

/** Drops this process's entries carrying any of `tags` (no database, or it did not answer). */
/** @param {State} state @param {string[]} tags */
function forgetLocally(state, tags) {
  const wanted = new Set(tags);
  for (const [key, entry] of state.entries.entries()) {
    if (entry.tags.some((tag) => wanted.has(tag))) state.entries.delete(key);
  }
  state.renders.clear();
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

/**
 * A cache handler class with its own state (tests make two to stand for two servers).
 * @param {Options} options
 */
export function createSharedCacheHandler(options) {
  const state = createState(options);

  return class SharedCacheHandler {
    /** @param {unknown} [_context] */
    constructor(_context) {}

    /** @param {string} key @param {{ tags?: string[]; softTags?: string[] }} [context] */
    async get(key, context) {
      if (options.disabled) return null;
      await sync(state);
      const entry = state.entries.get(key);
      const tags = entry
        ? [...entry.tags, ...(context?.tags ?? []), ...(context?.softTags ?? [])]
        : [];
      if (!entry || invalidated(state, tags, entry.seenSeq)) {
        if (entry) state.entries.delete(key);
        renderStarts(state, key);
        return null;
      }
      // Past its lifetime Next.js serves it and renders a fresh copy in the background.
      if (isPastRevalidate(entry)) renderStarts(state, key);
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
      if (options.disabled) return;
      const render = state.renders.get(key);
      state.renders.delete(key);
      // Until the current invalidation id is known, nothing cached could be checked: skip.
      if (!state.initialised) return;
      if (data == null) {
        state.entries.delete(key);
        return;
      }
      const started = render && Date.now() - render.at < RENDER_WINDOW_MS ? render.seq : undefined;
      state.entries.set(key, {
        value: data,
        lastModified: Date.now(),
        seenSeq: started === undefined ? state.lastSeq : Math.min(started, state.lastSeq),
        tags: tagsOf(data, context?.tags),
        cacheControl: context?.cacheControl,
        size: sizeOf(data),
      });
    }

    /**
     * revalidateTag()/revalidatePath(): tell every instance, and this one at once.
     * @param {string | string[]} tags
     */
    async revalidateTag(tags) {
      const list = (Array.isArray(tags) ? tags : [tags]).filter(Boolean);
      if (list.length === 0) return;
      if (state.sql) {
        try {
          await state.sql`insert into cache_invalidations (tag) select unnest(${list}::text[])`;
          await sync(state, true);
          return;
        } catch {
          // Fall through: at least this instance forgets the entries now.
        }
      }
      forgetLocally(state, list);
    }

    resetRequestCache() {}

    /** For tests and shutdown: close the connection. */
    static async close() {
      await state.sql?.end({ timeout: 1 });
    }
  };
}

/** The handler Next.js loads: one per process, configured from the environment. */
const globalKey = Symbol.for("shared-services-map.cache-handler");
const globalScope = /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis));
globalScope[globalKey] ??= createSharedCacheHandler({
  databaseUrl: process.env.DATABASE_URL || null,
  syncIntervalMs: Number(process.env.CACHE_SYNC_INTERVAL_MS ?? 250),
  maxBytes: Math.max(1, Number(process.env.PAGE_CACHE_MAX_MB ?? 256)) * 1024 * 1024,
  // PUBLIC_CACHE=off renders every page afresh (the benchmark's "uncached" figures).
  disabled: process.env.PUBLIC_CACHE === "off",
});

export default /** @type {ReturnType<typeof createSharedCacheHandler>} */ (globalScope[globalKey]);
