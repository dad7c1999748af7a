import "server-only";
import { recordPeerAddresses } from "@/lib/client-address";
import { env, type Env } from "@/lib/env";
import { guardRequestLines } from "@/lib/request-line-guard";
import { mailStartupWarning } from "@/lib/outbox";

/**
 * What a server does once as it starts (instrumentation.ts), before it answers a request:
 * record each request's socket address (lib/client-address.ts), refuse request lines Next.js
 * cannot handle (lib/request-line-guard.ts) and say what a deployer must know. Never during `next build`, which has no database settings to read.
 */
export function startUp(read: () => Env = env): void {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  recordPeerAddresses();
  guardRequestLines();
  let settings: Env;
  try {
    settings = read();
  } catch (error) {
    // The first request reports it too; printing it here names the variable at once.
    console.error(error instanceof Error ? error.message : String(error));
    return;
  }
  const mail = mailStartupWarning(settings);
  if (mail) console.warn(mail);
}
