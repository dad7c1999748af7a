import type { FormState } from "@/lib/auth/access";

/** The arrangement form's state: FormState plus what a conflicting save needs to show. */
export type ArrangementFormState = FormState & {
  conflict?: {
    changedByName: string;
    /** Already formatted for people ("4 March 2025 at 14:05"). */
    changedAt: string;
    /** The stored values, to show beside what was typed. */
    stored: Record<string, string | string[]>;
    /** The version the next save is made on top of. */
    baseVersion: number;
  };
};

/** Where a finished command sends the editor, and what the workspace then says. */
export const NOTICES = {
  saved: "Your draft has been saved",
  submitted: "Submitted for review. An administrator will check it before it is published.",
  withdrawn: "Withdrawn from review. It is a draft again.",
  deleted: "The draft has been deleted",
  discarded: "The changes have been discarded. The published version is unchanged.",
  confirmed:
    "The saving is confirmed and sent for review. The public pages change once an administrator approves it.",
  "confirmed-draft":
    "The saving is confirmed in your draft. Submit the draft for review when it is ready.",
} as const;

export type Notice = keyof typeof NOTICES;

/** The message for a `?notice=` the workspace was sent with, if it is one of ours. */
export function noticeText(notice: string | string[] | undefined): string | null {
  return typeof notice === "string" && notice in NOTICES ? NOTICES[notice as Notice] : null;
}
