/*
 * What every command answers. Success carries the message to show and the command's own
 * fields; a failure says why in `reason` (for code to branch on) and what to tell the person
 * in `message`. A domain may add details to a reason — a conflict's stored values, who
 * decided first — and may use reasons of its own; the shape stays the same. Pure module.
 */

/** Field name → the message shown beside that field ("_form" for the form as a whole). */
export type FieldErrors = Record<string, string>;

export type Failure<Reason extends string = string, Details extends object = object> = {
  ok: false;
  reason: Reason;
  message: string;
} & Details;

/** Nothing there — or not yours to see: both answer the same, so ids reveal nothing. */
export type NotFound = Failure<"not-found">;
/** Input to correct, field by field. */
export type Invalid = Failure<"invalid", { errors: FieldErrors }>;
/** Not for this user, or not in the record's present state. */
export type NotAllowed = Failure<"not-allowed">;
/** The record changed since the form was loaded: nothing was written. */
export type Conflict<Details extends object = object> = Failure<"conflict", Details>;

/** The failures of a command that needs no reasons or details of its own. */
export type CommonFailure = NotFound | Invalid | NotAllowed | Conflict;

export type Success<T extends object = object> = { ok: true; message: string } & T;
export type CommandResult<T extends object = object, F extends Failure = CommonFailure> =
  Success<T> | F;

export function notFound(message = "Page not found"): NotFound {
  return { ok: false, reason: "not-found", message };
}

export function invalid(errors: FieldErrors, message = "There is a problem"): Invalid {
  return { ok: false, reason: "invalid", message, errors };
}

export function notAllowed(message: string): NotAllowed {
  return { ok: false, reason: "not-allowed", message };
}

export function conflict(message: string): Conflict {
  return { ok: false, reason: "conflict", message };
}

export function isInvalid(failure: Failure): failure is Invalid {
  return failure.reason === "invalid" && "errors" in failure;
}
