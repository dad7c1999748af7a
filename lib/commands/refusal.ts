import type { Failure } from "./result";

/**
 * Thrown inside a command's transaction to roll it back and answer with `failure`
 * (`transact` catches it). Checks made deep inside a transaction refuse this way, so no
 * caller has to thread a failure back up through every helper.
 */
export class Refusal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

export function refuse(failure: Failure): never {
  throw new Refusal(failure);
}
