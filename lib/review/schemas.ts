import { z } from "zod";
import { isServiceCategorySlug } from "@/lib/categories";
import { reasonField } from "@/lib/content-rules";
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

// NFC, line endings as "\n" and outer blanks trimmed, so the length counts what the council reads.
const reason = reasonField({
  missing: "Enter the reason for returning this submission",
  min: REASON_MIN,
  max: REASON_MAX,
});

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
