import { z } from "zod";
import { today } from "@/lib/clock";
import {
  dateRangeProblem,
  EARLIEST_ORGANISATION_DATE,
  nfc,
  refuseHiddenCharacters,
} from "@/lib/content-rules";
import { isIsoDate } from "@/lib/editions/london-time";
import { REGIONS } from "@/lib/public/regions";

/*
 * Input rules for the administrators' organisation forms, shared by the server actions and the
 * commands in ./commands.ts (which parse again). Councils come from the ONS / mySociety reference
 * data; administrators add and edit the other bodies councils share with (fire and rescue,
 * police, NHS, others), and record that a council was replaced by another.
 *
 * Names are stored as NFC with hidden characters refused; dates lie from 1900 (councils formed
 * in 1974 are edited too) to 20 years ahead (lib/content-rules.ts).
 */

export const BODY_KINDS = ["fire", "police", "health", "other"] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const KIND_LABELS: Record<BodyKind | "council", string> = {
  council: "Council",
  fire: "Fire and rescue service",
  police: "Police force",
  health: "NHS body",
  other: "Other public body",
};

/** The register's codes: GSS codes (E54000012) or its own ids ("fire:001", "police:kent"). */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
export const GSS_PATTERN = /^[EWSN]\d{8}$/;

const CONTROL = /[\u0000-\u001f\u007f]/;

function toId(value: unknown): unknown {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "string" && /^\d{1,9}$/.test(value.trim())) return Number(value.trim());
  return value;
}

export const requiredId = (message: string) =>
  z.preprocess(toId, z.number({ error: message }).int(message).positive(message));

const capitalised = (label: string) => `${label.charAt(0).toUpperCase()}${label.slice(1)}`;

/** One line of plain text called `label` ("name"), NFC, spaces collapsed, at most `max` long. */
export const line = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label}` })
    .superRefine(refuseHiddenCharacters(capitalised(label)))
    .transform((s) => nfc(s).replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, `Enter the ${label}`)
        .max(max, `${capitalised(label)} must be ${max} characters or fewer`)
        .refine((s) => !CONTROL.test(s), { message: `The ${label} must be plain text` }),
    );

/** A real date from 1900 to 20 years ahead, or the message for the field called `label`. */
export function organisationDate(label: string, example: string) {
  return (s: string, ctx: z.RefinementCtx) => {
    const problem = !isIsoDate(s)
      ? `${label} must be a real date, like ${example}`
      : dateRangeProblem(label, s, today(), EARLIEST_ORGANISATION_DATE);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  };
}

const optionalDate = (label: string, example: string) =>
  z
    .string()
    .optional()
    .transform((s) => s?.trim() || null)
    .superRefine((s, ctx) => {
      if (s !== null) organisationDate(label, example)(s, ctx);
    });

export const region = z
  .string()
  .optional()
  .transform((s) => s?.trim() || null)
  .refine((s) => s === null || REGIONS.some((r) => r.name === s) || s.length <= 100, {
    message: "Select a region from the list",
  });

const bodyFields = {
  kind: z.enum(BODY_KINDS, { error: "Select what kind of body it is" }),
  name: line("name", 200),
  shortName: z
    .string()
    .optional()
    .superRefine(refuseHiddenCharacters("Short name"))
    .transform((s) => (s === undefined ? "" : nfc(s).replace(/\s+/g, " ").trim()))
    .pipe(z.string().max(100, "Short name must be 100 characters or fewer")),
  region,
  startDate: optionalDate("Start date", "2019-04-01"),
  endDate: optionalDate("End date", "2023-03-31"),
};

function datesInOrder(
  value: { startDate: string | null; endDate: string | null },
  ctx: z.RefinementCtx,
) {
  if (value.startDate && value.endDate && value.endDate < value.startDate) {
    ctx.addIssue({
      code: "custom",
      path: ["endDate"],
      message: "End date must be the same as or after the start date",
    });
  }
}

export const createOrganisationSchema = z
  .object({
    ...bodyFields,
    code: z
      .string()
      .optional()
      .transform((s) => s?.trim() ?? "")
      .refine((s) => s === "" || CODE_PATTERN.test(s), {
        message:
          "Code must be letters, numbers and . _ : - only, like fire:046 or E54000012, or left blank",
      }),
  })
  .superRefine(datesInOrder);

export const updateOrganisationSchema = z
  .object({
    organisationId: requiredId("Choose an organisation"),
    /** The organisation's version when the form was loaded: a change since then is a conflict. */
    version: z.string().max(40).optional(),
    ...bodyFields,
  })
  .superRefine(datesInOrder);

export const markReplacedSchema = z.object({
  organisationId: requiredId("Choose an organisation"),
  version: z.string().max(40).optional(),
  endDate: z
    .string({ error: "Enter the council's last day" })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, "Enter the council's last day")
        .superRefine(organisationDate("Last day", "2023-03-31")),
    ),
  replacedById: requiredId("Select the council that replaced it"),
});

export type CreateOrganisationInput = z.input<typeof createOrganisationSchema>;
export type UpdateOrganisationInput = z.input<typeof updateOrganisationSchema>;
export type MarkReplacedInput = z.input<typeof markReplacedSchema>;

export const listOrganisationsSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  kind: z
    .enum(["council", ...BODY_KINDS])
    .optional()
    .catch(undefined),
  status: z.enum(["current", "ended"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type ListOrganisationsInput = Partial<
  Record<keyof z.output<typeof listOrganisationsSchema>, string>
>;
