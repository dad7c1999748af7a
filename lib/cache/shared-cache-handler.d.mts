/** Types for the plain-JavaScript cache handler (lib/cache/shared-cache-handler.mjs). */
export type SharedCacheHandlerOptions = {
  databaseUrl?: string | null;
  syncIntervalMs?: number;
  maxBytes?: number;
  disabled?: boolean;
};

export type CacheEntry = { lastModified: number; value: unknown; cacheControl?: unknown };

export interface SharedCacheHandler {
  get(key: string, context?: { tags?: string[]; softTags?: string[] }): Promise<CacheEntry | null>;
  set(
    key: string,
    data: unknown,
    context?: { tags?: string[]; cacheControl?: unknown },
  ): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}

export type SharedCacheHandlerClass = {
  new (context?: unknown): SharedCacheHandler;
  close(): Promise<void>;
};

export function createSharedCacheHandler(
  options: SharedCacheHandlerOptions,
): SharedCacheHandlerClass;

declare const handler: SharedCacheHandlerClass;
export default handler;
