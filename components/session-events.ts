/** Fired after sign-in or sign-out, so the header's account links ask again on the same page. */
export const SESSION_CHANGED = "ssm:session-changed";
