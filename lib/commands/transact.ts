import "server-only";
import { db, type DbOrTx, type Tx } from "@/db/client";
import { recordAudit, recordAudits, type AuditInput } from "@/lib/audit";
import { recordPublicChange, revalidatePublicPages } from "@/lib/cache/public-cache";
import type { RequestInfo } from "@/lib/request";
import { Refusal } from "./refusal";
import type { CommandResult, CommonFailure, Failure, Success } from "./result";
import { uniqueViolation } from "./unique-violation";

/*
 * The one way a command writes. Its change, the change's audit event and — when what the
 * public sees changes — the public cache invalidation are made in ONE transaction, so either
 * all of them exist or none does; after the commit this instance drops its cached public
 * pages at once (lib/cache/public-cache.ts says why both are needed).
 *
 * Inside, a check that fails calls `refuse(failure)` (./refusal.ts): the transaction rolls
 * back and the command answers with that failure. A unique index that refuses the write is
 * either a duplicate the user must hear about (`duplicates`: constraint → failure) or a race
 * with a parallel request (`afterRace`), which is tried again.
 */

/** An audit event as a command writes it: the request's id is added for it. */
export type CommandEvent = Omit<AuditInput, "requestId">;

/** What a command's work receives: its transaction, and the two things every change records. */
export type CommandContext = {
  tx: Tx;
  /** Appends an audit event in this transaction. */
  audit(event: CommandEvent): Promise<void>;
  /** Appends many (a bulk import's) in this transaction. */
  auditAll(events: CommandEvent[]): Promise<void>;
  /** Records that the public register changed: every instance drops its cached pages. */
  publicChanged(): Promise<void>;
};

/** `db`: a transaction to run inside (as a savepoint), so a test can roll all of it back. */
export type CommandOptions = { db?: DbOrTx };

export type TransactOptions<T extends object, F extends Failure> = CommandOptions & {
  request: RequestInfo;
  /** What a unique violation of each named constraint tells the user. */
  duplicates?: Readonly<Record<string, F>>;
  /**
   * Set when any other unique violation is a race that a new attempt settles (the same form
   * sent twice at once, two titles taking one slug). Before each new attempt — three at most —
   * it may answer instead, with what the parallel request did.
   */
  afterRace?: () => Promise<CommandResult<T, F> | null>;
};

const RACE_RETRIES = 3;

export async function transact<T extends object, F extends Failure = CommonFailure>(
  options: TransactOptions<T, F>,
  work: (cx: CommandContext) => Promise<Success<T>>,
): Promise<CommandResult<T, F>> {
  for (let attempt = 0; ; attempt++) {
    const changes = { public: false };
    try {
      const result = await (options.db ?? db()).transaction((tx) =>
        work(commandContext(tx, options.request, changes)),
      );
      if (changes.public) revalidatePublicPages();
      return result;
    } catch (error) {
      // A refusal carries a failure of the command's own kinds: its checks made it.
      if (error instanceof Refusal) return error.failure as F;
      const constraint = uniqueViolation(error);
      const duplicate = constraint === null ? undefined : options.duplicates?.[constraint];
      if (duplicate) return duplicate;
      if (constraint === null || !options.afterRace || attempt >= RACE_RETRIES) throw error;
      const settled = await options.afterRace();
      if (settled) return settled;
    }
  }
}

function commandContext(
  tx: Tx,
  request: RequestInfo,
  changes: { public: boolean },
): CommandContext {
  const stamped = (event: CommandEvent): AuditInput => ({
    ...event,
    requestId: request.requestId,
  });
  return {
    tx,
    audit: (event) => recordAudit(tx, stamped(event)),
    auditAll: (events) => recordAudits(tx, events.map(stamped)),
    publicChanged: async () => {
      await recordPublicChange(tx);
      changes.public = true;
    },
  };
}
