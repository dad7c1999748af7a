import { z } from "zod";
import { nfc, refuseHiddenCharacters } from "@/lib/content-rules";

/*
 * The contact page's feedback form (issue 14, item 4), shared by its server action and the
 * command in ./commands.ts, which parses again so a direct caller cannot skip the rules. Pure
 * module: the form reads the limits for its hints.
 */

export const MESSAGE_MAX = 5000;
export const NAME_MAX = 200;
export const PAGE_MAX = 500;
export const EMAIL_MAX = 320;

/** The honeypot: a field people never see or fill in. Anything in it marks the form as a bot's. */
export const HONEYPOT = "website";

// Control characters other than tab and newline have no place in plain text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Text as stored: NFC, "\n" line endings, trimmed; nothing hidden, no control characters. */
function plainText(label: string) {
  return z
    .string()
    .superRefine(refuseHiddenCharacters(label))
    .transform((s) => nfc(s).replace(/\r\n?/g, "\n").trim())
    .refine((s) => !CONTROL.test(s), { message: `${label} must be plain text` });
}

/** An optional one-line field: "" or absent → null. */
function optionalLine(label: string, max: number) {
  return plainText(label)
    .transform((s) => s.replace(/\s+/g, " "))
    .pipe(z.string().max(max, `${label} must be ${max} characters or fewer`))
    .transform((s) => (s === "" ? null : s))
    .optional()
    .transform((s) => s ?? null);
}

export const feedbackSchema = z.object({
  name: optionalLine("Name", NAME_MAX),
  email: z
    .string()
    .trim()
    .max(EMAIL_MAX, `Email address must be ${EMAIL_MAX} characters or fewer`)
    .pipe(
      z.union([
        z.literal(""),
        z.email("Enter an email address in the correct format, like name@example.org"),
      ]),
    )
    .optional()
    .transform((s) => (s ? s : null)),
  message: z
    .string({ error: "Enter your message" })
    .pipe(plainText("Message"))
    .pipe(
      z
        .string()
        .min(1, "Enter your message")
        .max(
          MESSAGE_MAX,
          `Message must be ${MESSAGE_MAX.toLocaleString("en-GB")} characters or fewer`,
        ),
    ),
  page: optionalLine("Page", PAGE_MAX),
  [HONEYPOT]: z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim() !== ""),
});

export type FeedbackInput = z.input<typeof feedbackSchema>;
export type Feedback = z.output<typeof feedbackSchema>;

export const feedbackIdSchema = z.object({
  id: z.preprocess(
    (v) => (typeof v === "string" && /^\d{1,9}$/.test(v.trim()) ? Number(v.trim()) : v),
    z.number({ error: "Choose a message" }).int().positive("Choose a message"),
  ),
});
