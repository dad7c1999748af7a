import "server-only";
import { sql as appSql, type Sql } from "@/db/client";
import { fixedWindowCounter } from "@/lib/auth/rate-limits";
import { ipBucket, type ThrottleDecision } from "@/lib/auth/throttle";
import { FEEDBACK_PER_WINDOW, FEEDBACK_WINDOW_SECONDS } from "./limits";

/*
 * The feedback form's rate limit: messages per client address (IPv6 per /64, as sign-in
 * counts them: lib/auth/throttle.ts) in fixed windows of the shared `rate_limits` table, so
 * every app instance counts together. Every attempt that passes validation counts, the refused
 * ones too, so a burst cannot retry its way past the limit; a window still always ends.
 *
 * An address the app cannot tell (no socket peer: a test calling the command) shares one
 * bucket, so an unknown sender is limited all the same rather than not at all.
 */

const PREFIX = "feedback:ip";
// Rows of finished windows are dead weight; each instance sweeps them at most this often.
const PRUNE_EVERY_MS = 5 * 60 * 1000;

export type FeedbackThrottle = {
  /** Counts one message from `ip` and says whether it may go ahead. */
  take(ip: string | null | undefined): Promise<ThrottleDecision>;
};

export function createFeedbackThrottle(
  options: { sql?: Sql; points?: number; durationSeconds?: number } = {},
): FeedbackThrottle {
  const points = options.points ?? FEEDBACK_PER_WINDOW;
  const counter = fixedWindowCounter(options.sql ?? appSql(), {
    prefix: PREFIX,
    durationSeconds: options.durationSeconds ?? FEEDBACK_WINDOW_SECONDS,
  });
  let lastPrune = Date.now();
  return {
    async take(ip) {
      // One atomic statement counts and reads, so parallel requests cannot both slip under.
      const count = await counter.add(ipBucket(ip) ?? "unknown");
      if (Date.now() - lastPrune >= PRUNE_EVERY_MS) {
        lastPrune = Date.now();
        await counter.prune();
      }
      if (count.points <= points) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(count.msLeft / 1000)) };
    },
  };
}

let defaultThrottle: FeedbackThrottle | undefined;

/** The app's feedback limit on the app pool, made on first use. */
export function feedbackThrottle(): FeedbackThrottle {
  defaultThrottle ??= createFeedbackThrottle();
  return defaultThrottle;
}
