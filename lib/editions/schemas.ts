import { z } from "zod";
import { nfc, refuseHiddenCharacters } from "@/lib/content-rules";
import { isIsoDate, isTime } from "./london-time";

/*
 * An edition as an administrator names it: a unique name and the moment (UK date and time) whose
 * register it is. The command checks the moment is not in the future against the database's own
 * clock, under the publication lock (lib/review/publication-lock.ts).
 */

export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 1000;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const createEditionSchema = z.object({
  name: z
    .string({ error: "Enter a name for the edition" })
    .superRefine(refuseHiddenCharacters("Name"))
    .transform((s) => nfc(s).replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, "Enter a name for the edition")
        .max(NAME_MAX, `Name must be ${NAME_MAX} characters or fewer`)
        .refine((s) => !CONTROL.test(s), { message: "Name must be plain text" }),
    ),
  asOfDate: z
    .string({ error: "Enter the date the edition is as of" })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, "Enter the date the edition is as of")
        .refine(isIsoDate, { message: "Date must be a real date, like 2017-12-31" }),
    ),
  asOfTime: z
    .string()
    .optional()
    .transform((s) => s?.trim() || "23:59")
    .refine(isTime, { message: "Time must be a time on the 24-hour clock, like 17:30" }),
  description: z
    .string()
    .optional()
    .superRefine(refuseHiddenCharacters("Description"))
    .transform((s) => (s === undefined ? "" : nfc(s).replace(/\r\n?/g, "\n").trim()))
    .pipe(
      z
        .string()
        .max(DESCRIPTION_MAX, `Description must be ${DESCRIPTION_MAX} characters or fewer`)
        .refine((s) => !CONTROL.test(s), { message: "Description must be plain text" }),
    ),
});

export type CreateEditionInput = z.input<typeof createEditionSchema>;
