/*
 * The feedback form's limits, which the contact page and the privacy notice state. Pure module.
 */

/** Messages allowed from one client address in one window (lib/feedback/throttle.ts). */
export const FEEDBACK_PER_WINDOW = 5;
/** The rate limit's window: one hour. */
export const FEEDBACK_WINDOW_SECONDS = 60 * 60;
/** Messages older than this are deleted (lib/feedback/commands.ts). */
export const RETENTION_MONTHS = 12;
