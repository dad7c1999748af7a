import { PHASE_PRODUCTION_BUILD } from "next/constants";

/**
 * True while `next build` prerenders pages. Next.js prerenders every page without a dynamic
 * segment (/editions, /data) at build time, but the build has no database (README, Dockerfile),
 * so those pages render nothing then. That build output is never served: the cache handler
 * (lib/cache/shared-cache-handler.mjs) starts empty and does not read it, so the first request
 * renders the page and caches it (ISR) like every other public page, until the register changes.
 */
export function prerenderingAtBuild(): boolean {
  return process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD;
}
