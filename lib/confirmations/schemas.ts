import { z } from "zod";
import { reasonField } from "@/lib/content-rules";

/*
 * What a partner organisation's editor sends: confirm that it takes part in an arrangement, or
 * dispute it with a reason the administrators read. Shared by the server action and the
 * command (which parses again). The arrangement id is only a hint: the command finds the
 * organisation from the session and checks it is named as a partner.
 */

export const DISPUTE_REASON_MIN = 10;
export const DISPUTE_REASON_MAX = 2000;

export const ANSWERS = ["confirm", "dispute"] as const;
export type Answer = (typeof ANSWERS)[number];

const arrangementId = z.preprocess(
  (v) => (typeof v === "string" && /^\d{1,9}$/.test(v.trim()) ? Number(v.trim()) : v),
  z
    .number({ error: "Choose an arrangement" })
    .int("Choose an arrangement")
    .positive("Choose an arrangement"),
);

export const confirmSchema = z.object({ arrangementId });

export const disputeSchema = z.object({
  arrangementId,
  reason: reasonField({
    missing: "Enter the reason your organisation disputes this",
    min: DISPUTE_REASON_MIN,
    max: DISPUTE_REASON_MAX,
  }),
});

export type ConfirmInput = z.input<typeof confirmSchema>;
export type DisputeInput = z.input<typeof disputeSchema>;
