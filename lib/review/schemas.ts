import { z } from "zod";
import { isServiceCategorySlug } from "@/lib/categories";
import { nfc, refuseHiddenCharacters } from "@/lib/content-rules";
import { regionBySlug } from "@/lib/public/regions";

/*
 * Input rules for the review workflow, shared by the server actions (which parse the submitted
 * form) and the commands in ./commands.ts (which parse again, so a direct caller cannot skip
 * them). Ids from the browser are only hints: the commands re-read everything under a lock.
 */

export const REASON_MIN = 10;
export const REASON_MAX = 2000;

/** "12" or 12 → 12; anything else is left for the number check to refuse. */
function toId(value: unknown): unknown {
  if (typeof value === "string" && /^\d{1,9}$/.test(value.trim())) return Number(value.trim());
  return value;
}

const id = (message: string) =>
  z.preprocess(toId, z.number({ error: message }).int(message).positive(message));

/** The arrangement's lock_version the page was rendered with: a change since then is a conflict. */
const baseVersion = z.preprocess(
  (v) => (v === "" || v === undefined || v === null ? null : toId(v)),
  z.number({ error: "Reload the page and try again" }).int().positive().nullable(),
);

export const approveSchema = z.object({
  revisionId: id("Choose a submission to review"),
  baseVersion: baseVersion.optional(),
});

// Line endings as "\n" and outer blanks trimmed, so the length counts what the council will read.
const reason = z
  .string({ error: "Enter the reason for returning this submission" })
  .superRefine(refuseHiddenCharacters("Reason"))
  .transform((s) => nfc(s).replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "Enter the reason for returning this submission")
      .min(REASON_MIN, `Reason must be ${REASON_MIN} characters or more`)
      .max(REASON_MAX, `Reason must be ${REASON_MAX} characters or fewer`)
      .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), {
        message: "Reason must be plain text",
      }),
  );

export const rejectSchema = approveSchema.extend({ reason });

export type ApproveInput = z.input<typeof approveSchema>;
export type RejectInput = z.input<typeof rejectSchema>;

/* The queue's filters, from the URL -------------------------------------------------------------- */

function optionalText(check: (v: string) => boolean) {
  return z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => (v && check(v) ? v : undefined))
    .catch(undefined);
}

export const queueFiltersSchema = z.object({
  organisation: z.preprocess(toId, z.number().int().positive().optional()).catch(undefined),
  region: optionalText((v) => regionBySlug(v) !== undefined),
  category: optionalText(isServiceCategorySlug),
  kind: z.enum(["new", "edit"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type QueueFilters = z.output<typeof queueFiltersSchema>;
export type QueueFiltersInput = Partial<Record<keyof QueueFilters, string | number | undefined>>;
