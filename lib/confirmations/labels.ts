/* How a partner's answer reads, wherever it is shown. Pure module. */

export const CONFIRMATION_LABELS = {
  pending: "Waiting for an answer",
  confirmed: "Confirmed",
  disputed: "Disputed",
  "not-asked": "Not asked (named before partners were asked to confirm)",
} as const;

export type ConfirmationLabel = keyof typeof CONFIRMATION_LABELS;

/** What the partner is told after answering (the command's message, and the list's notice). */
export const ANSWERED_NOTICES = {
  confirmed: "You confirmed that your organisation takes part.",
  disputed:
    "You disputed it. Administrators see your reason before they decide whether to publish it.",
  "disputed-published":
    "You disputed it. It is published, so its public page now shows your organisation as not confirmed, and administrators see your reason.",
} as const;

export type AnsweredNotice = keyof typeof ANSWERED_NOTICES;
