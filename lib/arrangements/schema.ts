import { z } from "zod";
import {
  BENEFITS,
  SERVICE_CATEGORIES,
  isBenefitSlug,
  isServiceCategorySlug,
  type BenefitSlug,
  type ServiceCategorySlug,
} from "@/lib/categories";
import { today } from "@/lib/clock";
import { dateRangeProblem, hiddenCharacterProblem, nfc } from "@/lib/content-rules";
import {
  EMPTY_DATE_PARTS,
  hasDateParts,
  isoToDateParts,
  parseDateParts,
  type DateParts,
} from "@/lib/date-input";
import { financialYearOf } from "@/lib/financial-year";
import { formatPence, parsePounds } from "@/lib/money";

/*
 * The one schema for the create/edit arrangement form. It parses the raw values a form sends
 * (strings and string arrays, as FormData gives them) into a typed ArrangementInput, with
 * money as bigint pence. It is pure, so the browser may run it too; the command parses again
 * and then checks what only the database knows (partners exist, are active, are not the lead).
 *
 * Error keys are the form's field names; savings rows are keyed by their row index in the
 * form ("savings.2.amount"), so the message sits beside the row the user typed.
 *
 * Text is stored as NFC with hidden characters refused, and dates lie from 1990 to 20 years
 * ahead (lib/content-rules.ts): the same rules for save, submit (which parses the stored draft
 * again) and the CSV import, which all come through this schema.
 *
 * Two levels (issue 15, item 1). Saving a draft checks only what it must to store what was
 * typed: types (a real date, a category or stage from the list, an amount in pounds, a whole
 * savings row), lengths, the content rules, and what the database itself refuses (an end before
 * the start, a partner twice or the lead as partner). Everything else — something missing, an
 * end date on an arrangement that has not ended, a reason for no savings beside savings, an
 * email address in the wrong format — is a rule of completeness, run on "Submit for review"
 * (and by the import, which makes only complete drafts), every problem listed at once.
 */

export const STAGES = ["planned", "operational", "ended"] as const;
export type Stage = (typeof STAGES)[number];
export const SAVINGS_KINDS = ["actual", "forecast"] as const;
export type SavingsKind = (typeof SAVINGS_KINDS)[number];

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5000;
export const NO_SAVINGS_REASON_MAX = 2000;
export const CONTACT_NAME_MAX = 200;
export const FIRST_SAVINGS_YEAR = 2000;
export const LAST_SAVINGS_YEAR = 2100;

/** The form's values exactly as typed: what a form renders and what it sends back. */
export type ArrangementFormValues = {
  title: string;
  description: string;
  mainCategory: string;
  furtherCategories: string[];
  stage: string;
  /** ISO, as stored and as the import sends it; the form sends the parts below instead. */
  startDate: string;
  endDate: string;
  /**
   * The GOV.UK date input's parts as typed (lib/date-input.ts); when any is typed they win over
   * the ISO date. Absent in values made in code (the import, tests).
   */
  startDateDay?: string;
  startDateMonth?: string;
  startDateYear?: string;
  endDateDay?: string;
  endDateMonth?: string;
  endDateYear?: string;
  partners: string[];
  savingsYear: string[];
  savingsAmount: string[];
  savingsKind: string[];
  noSavingsReason: string;
  benefits: string[];
  contactName: string;
  contactEmail: string;
};

export type SavingsInput = { financialYear: number; amountPence: bigint; kind: SavingsKind };

/** What a complete form means, ready to submit. Partners are organisation codes, never the lead. */
export type ArrangementInput = {
  title: string;
  description: string;
  mainCategory: ServiceCategorySlug;
  furtherCategories: ServiceCategorySlug[];
  stage: Stage;
  startDate: string | null;
  endDate: string | null;
  partners: string[];
  savings: SavingsInput[];
  noSavingsReason: string | null;
  benefits: BenefitSlug[];
  contactName: string | null;
  contactEmail: string | null;
};

/** What a draft form means, as far as it is filled in: no main category or stage yet is fine. */
export type DraftInput = Omit<ArrangementInput, "mainCategory" | "stage"> & {
  mainCategory: ServiceCategorySlug | null;
  stage: Stage | null;
};

/** "draft": only what storing needs; "submit": every rule (see the module's comment). */
export type RuleLevel = "draft" | "submit";

type DateField = "startDate" | "endDate";
type DatePartName = "Day" | "Month" | "Year";

/** A date field's parts as the form sends them. */
export function datePartsOf(
  values: Pick<ArrangementFormValues, `${DateField}${DatePartName}`>,
  field: DateField,
): DateParts {
  return {
    day: values[`${field}Day`] ?? "",
    month: values[`${field}Month`] ?? "",
    year: values[`${field}Year`] ?? "",
  };
}

function datePartFields<F extends DateField>(field: F, parts: DateParts) {
  return {
    [`${field}Day`]: parts.day,
    [`${field}Month`]: parts.month,
    [`${field}Year`]: parts.year,
  } as Record<`${F}${DatePartName}`, string>;
}

/**
 * Both forms of each date agree: the parts from a stored ISO date (to show in the form), or the
 * ISO date from typed parts ("" while they are not a real date yet).
 */
function withDateParts(values: ArrangementFormValues): ArrangementFormValues {
  const out = { ...values };
  for (const field of ["startDate", "endDate"] as const) {
    const parts = datePartsOf(values, field);
    if (hasDateParts(parts)) {
      const parsed = parseDateParts("Date", parts);
      out[field] = parsed.ok ? (parsed.iso ?? "") : "";
    } else Object.assign(out, datePartFields(field, isoToDateParts(values[field])));
  }
  return out;
}

export const EMPTY_FORM_VALUES: ArrangementFormValues = {
  title: "",
  description: "",
  mainCategory: "",
  furtherCategories: [],
  stage: "",
  startDate: "",
  endDate: "",
  ...datePartFields("startDate", EMPTY_DATE_PARTS),
  ...datePartFields("endDate", EMPTY_DATE_PARTS),
  partners: [],
  savingsYear: [],
  savingsAmount: [],
  savingsKind: [],
  noSavingsReason: "",
  benefits: [],
  contactName: "",
  contactEmail: "",
};

/* Raw form values ---------------------------------------------------------------------------- */

/** One text field: a missing field is "", a repeated one keeps its first value. */
const text = z.preprocess(
  (v) => (Array.isArray(v) ? (v[0] ?? "") : v == null ? "" : v),
  z.string({ error: "Enter text" }),
);

/** A repeated field: missing is [], a single value is a one-item list. */
const list = z.preprocess(
  (v) => (v == null ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string({ error: "Enter text" }), { error: "Enter text" }),
);

const rawSchema = z.object({
  title: text,
  description: text,
  mainCategory: text,
  furtherCategories: list,
  stage: text,
  startDate: text,
  endDate: text,
  startDateDay: text,
  startDateMonth: text,
  startDateYear: text,
  endDateDay: text,
  endDateMonth: text,
  endDateYear: text,
  partners: list,
  savingsYear: list,
  savingsAmount: list,
  savingsKind: list,
  noSavingsReason: text,
  benefits: list,
  contactName: text,
  contactEmail: text,
});

/* Rules ---------------------------------------------------------------------------------------- */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = z.email();
/** Organisation codes: GSS codes (E10000008) or the register's own ids ("fire:…", "police:…"). */
const ORGANISATION_CODE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
// Control characters other than tab and newline have no place in plain text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function isRealDate(iso: string): boolean {
  if (!ISO_DATE.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** NFC, line endings as one "\n", outer blanks trimmed: the same text counts the same everywhere. */
function plain(value: string): string {
  return nfc(value).replace(/\r\n?/g, "\n").trim();
}

type TextRule = { label: string; max: number; required?: string };

/**
 * The first problem with a text field: missing, too long, control or hidden characters. Hidden
 * characters are looked for in what was typed, before trimming (which would drop a U+FEFF at
 * either end unseen).
 */
function textProblem(typed: string, value: string, rule: TextRule): string | null {
  if (!value) return rule.required ?? null;
  if (value.length > rule.max) return `${rule.label} must be ${rule.max} characters or fewer`;
  if (CONTROL.test(value)) return `${rule.label} must be plain text`;
  return hiddenCharacterProblem(rule.label, typed);
}

/** A date field's problem: not a real date, or outside 1990 to 20 years ahead. */
function dateProblem(value: string, label: string, example: string): string | null {
  if (value === "") return null;
  if (!isRealDate(value)) return `${label} must be a real date, like ${example}`;
  return dateRangeProblem(label, value, today());
}

/**
 * A date as typed in the form's three parts, or (when no part was typed: the import, a stored
 * draft) as an ISO date. "" is no date; a problem is reported even in a draft, as the column
 * holds only real dates.
 */
function readDate(
  raw: z.output<typeof rawSchema>,
  field: DateField,
  label: string,
  example: string,
): { iso: string; problem: string | null } {
  const parts = datePartsOf(raw, field);
  if (!hasDateParts(parts)) {
    const iso = raw[field].trim();
    return { iso, problem: dateProblem(iso, label, example) };
  }
  const parsed = parseDateParts(label, parts);
  if (!parsed.ok) return { iso: "", problem: parsed.message };
  return { iso: parsed.iso!, problem: dateRangeProblem(label, parsed.iso!, today()) };
}

type TextField = "title" | "description" | "noSavingsReason" | "contactName";

function interpret(
  raw: z.output<typeof rawSchema>,
  ctx: z.RefinementCtx,
  level: RuleLevel,
): DraftInput {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: "custom", path, message });
  // A rule of completeness: reported on submission only.
  const submit = level === "submit";
  const incomplete = (path: (string | number)[], message: string) => {
    if (submit) issue(path, message);
  };

  /** The field's value as stored (NFC, trimmed; one line when `oneLine`), its problem reported. */
  const checkText = (field: TextField, rule: TextRule & { oneLine?: true }) => {
    const value = rule.oneLine ? plain(raw[field]).replace(/\s+/g, " ") : plain(raw[field]);
    const problem = textProblem(
      raw[field],
      value,
      submit ? rule : { ...rule, required: undefined },
    );
    if (problem) issue([field], problem);
    return value;
  };
  const title = checkText("title", {
    label: "Title",
    max: TITLE_MAX,
    required: "Enter a title",
    oneLine: true,
  });
  const description = checkText("description", {
    label: "Description",
    max: DESCRIPTION_MAX,
    required: "Enter a description",
  });

  const mainCategory = raw.mainCategory.trim();
  if (!mainCategory) incomplete(["mainCategory"], "Select the main service category");
  else if (!isServiceCategorySlug(mainCategory))
    issue(["mainCategory"], "Select a service category from the list");

  const furtherCategories = [...new Set(raw.furtherCategories.map((s) => s.trim()))].filter(
    Boolean,
  );
  if (furtherCategories.some((s) => !isServiceCategorySlug(s)))
    issue(["furtherCategories"], "Select further categories from the list");
  else if (furtherCategories.includes(mainCategory))
    incomplete(["furtherCategories"], "Further categories must not include the main category");

  const stage = raw.stage.trim();
  const stageMessage = "Select whether the arrangement is planned, operational or ended";
  if (!stage) incomplete(["stage"], stageMessage);
  else if (!(STAGES as readonly string[]).includes(stage)) issue(["stage"], stageMessage);

  const { iso: startDate, problem: startProblem } = readDate(
    raw,
    "startDate",
    "Start date",
    "2017-04-01",
  );
  const { iso: endDate, problem: endProblem } = readDate(raw, "endDate", "End date", "2020-03-31");
  const startOk = startProblem === null;
  if (startProblem) issue(["startDate"], startProblem);
  else if (!startDate && (stage === "operational" || stage === "ended"))
    incomplete(["startDate"], "Enter the date the arrangement started");
  // An end before the start is refused even in a draft: the database cannot hold it.
  if (endProblem) issue(["endDate"], endProblem);
  else if (startOk && endDate && startDate && endDate < startDate)
    issue(["endDate"], "End date must be the same as or after the start date");
  else if (!endDate && stage === "ended")
    incomplete(["endDate"], "Enter the date the arrangement ended");
  else if (endDate && stage && stage !== "ended" && (STAGES as readonly string[]).includes(stage))
    incomplete(
      ["endDate"],
      "Only an ended arrangement has an end date: remove it or choose “ended”",
    );

  const partners = raw.partners.map((s) => s.trim()).filter(Boolean);
  if (partners.length === 0)
    incomplete(["partners"], "Add at least one partner organisation besides your own");
  else if (partners.some((code) => !ORGANISATION_CODE.test(code)))
    issue(["partners"], "Select partner organisations from the list");
  else if (new Set(partners).size !== partners.length)
    issue(["partners"], "Each partner organisation must be listed only once");

  // Rows typed but refused still count as savings: the reason rule must not add a second error.
  const { rows: savings, typed: savingsTyped } = savingsRows(raw, issue, submit);

  const noSavingsReason = plain(raw.noSavingsReason);
  if (submit && savingsTyped === 0 && !noSavingsReason)
    issue(
      ["noSavingsReason"],
      "Enter the savings for at least one year, or say why there are none",
    );
  else if (submit && savingsTyped > 0 && noSavingsReason)
    issue(["noSavingsReason"], "Remove the reason for no savings: this arrangement has savings");
  else checkText("noSavingsReason", { label: "Reason", max: NO_SAVINGS_REASON_MAX });

  const benefits = [...new Set(raw.benefits.map((s) => s.trim()))].filter(Boolean);
  if (benefits.some((b) => !isBenefitSlug(b))) issue(["benefits"], "Select benefits from the list");

  const contactName = checkText("contactName", {
    label: "Contact name",
    max: CONTACT_NAME_MAX,
    oneLine: true,
  });
  const contactEmail = raw.contactEmail.trim();
  const emailHidden = hiddenCharacterProblem("Contact email", contactEmail);
  const emailMessage = "Enter an email address in the correct format, like name@example.org";
  if (emailHidden) issue(["contactEmail"], emailHidden);
  else if (contactEmail.length > 320) issue(["contactEmail"], emailMessage);
  else if (contactEmail && !EMAIL.safeParse(contactEmail).success)
    incomplete(["contactEmail"], emailMessage);

  return {
    title,
    description,
    mainCategory: (mainCategory || null) as ServiceCategorySlug | null,
    furtherCategories: furtherCategories as ServiceCategorySlug[],
    stage: (stage || null) as Stage | null,
    startDate: startDate || null,
    endDate: endDate || null,
    partners,
    savings,
    // A draft keeps a reason typed beside savings (submission asks to remove one or the other).
    noSavingsReason: submit && savings.length > 0 ? null : noSavingsReason || null,
    benefits: BENEFITS.map((b) => b.slug).filter((slug) => benefits.includes(slug)),
    contactName: contactName || null,
    contactEmail: contactEmail || null,
  };
}

/** Savings rows from the parallel arrays; a row left wholly blank is an unused row, not an error. */
function savingsRows(
  raw: z.output<typeof rawSchema>,
  issue: (path: (string | number)[], message: string) => void,
  submit: boolean,
): { rows: SavingsInput[]; typed: number } {
  const currentYear = financialYearOf(today());
  const rows: SavingsInput[] = [];
  let typed = 0;
  const seen = new Map<number, number>();
  const count = Math.max(raw.savingsYear.length, raw.savingsAmount.length);
  for (let i = 0; i < count; i++) {
    const yearText = (raw.savingsYear[i] ?? "").trim();
    const amountText = (raw.savingsAmount[i] ?? "").trim();
    const kindText = (raw.savingsKind[i] ?? "").trim();
    // The form's grid sends every year with a kind: a row without an amount is no saving.
    if (!amountText) continue;
    typed += 1;

    let financialYear: number | undefined;
    // "2016" or "2016/17" both mean the year that starts on 1 April 2016.
    const match = /^(\d{4})(?:\/(\d{2}))?$/.exec(yearText);
    if (!yearText) issue(["savings", i, "year"], "Select the financial year");
    else if (!match || (match[2] && Number(match[2]) !== (Number(match[1]) + 1) % 100))
      issue(["savings", i, "year"], "Financial year must be a year like 2016 (for 2016/17)");
    else {
      const year = Number(match[1]);
      if (year < FIRST_SAVINGS_YEAR || year > LAST_SAVINGS_YEAR)
        issue(
          ["savings", i, "year"],
          `Financial year must be between ${FIRST_SAVINGS_YEAR} and ${LAST_SAVINGS_YEAR}`,
        );
      else if (seen.has(year))
        issue(
          ["savings", i, "year"],
          `${year}/${String((year + 1) % 100).padStart(2, "0")} is already listed: enter each year once`,
        );
      else {
        seen.set(year, i);
        financialYear = year;
      }
    }

    const amount = parsePounds(amountText);
    if (!amount.ok) issue(["savings", i, "amount"], amount.message);

    if (!(SAVINGS_KINDS as readonly string[]).includes(kindText))
      issue(["savings", i, "kind"], "Select whether the saving is actual or forecast");
    // What a year that has not ended will save is not known yet: kept in a draft as typed,
    // refused on submission.
    else if (
      submit &&
      kindText === "actual" &&
      financialYear !== undefined &&
      financialYear >= currentYear
    )
      issue(
        ["savings", i, "kind"],
        "An actual saving can only be recorded for a year that has ended",
      );

    if (financialYear !== undefined && amount.ok && kindText)
      rows.push({ financialYear, amountPence: amount.pence, kind: kindText as SavingsKind });
  }
  return { rows: rows.sort((a, b) => a.financialYear - b.financialYear), typed };
}

/** The create/edit form with every rule: raw form values in, a complete ArrangementInput out. */
export const arrangementFormSchema = rawSchema.transform(
  (raw, ctx) => interpret(raw, ctx, "submit") as ArrangementInput,
);

/** The same form as a draft: only what storing needs (see the module's comment). */
export const draftFormSchema = rawSchema.transform((raw, ctx) => interpret(raw, ctx, "draft"));

export type ParseResult<T = ArrangementInput> =
  { ok: true; data: T } | { ok: false; errors: Record<string, string> };

function toResult<T>(parsed: z.ZodSafeParseResult<T>): ParseResult<T> {
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues)
    errors[issue.path.join(".") || "_form"] ??= issue.message;
  return { ok: false, errors };
}

/**
 * Parses form values with every rule (submission, the import); errors are one message per
 * field, keyed by the form's field names.
 */
export function parseArrangementForm(values: unknown): ParseResult {
  return toResult(arrangementFormSchema.safeParse(values ?? {}));
}

/** Parses form values as a draft to save: what was typed, as far as it goes. */
export function parseDraftForm(values: unknown): ParseResult<DraftInput> {
  return toResult(draftFormSchema.safeParse(values ?? {}));
}

/** Only the form's own fields, as strings and lists: what to echo back to a form on error. */
export function pickFormValues(values: Record<string, unknown>): ArrangementFormValues {
  const parsed = rawSchema.safeParse(values);
  return withDateParts(parsed.success ? parsed.data : { ...EMPTY_FORM_VALUES });
}

/* Stored revision → form ---------------------------------------------------------------------- */

/** A revision as stored, with its references already resolved to codes and slugs. */
export type StoredRevisionContent = {
  title: string;
  description: string;
  /** Null in a draft saved before it was chosen. */
  mainCategory: string | null;
  furtherCategories: string[];
  stage: string | null;
  startDate: string | null;
  endDate: string | null;
  /** Partner organisation codes, the lead excluded. */
  partners: string[];
  savings: { financialYear: number; amountPence: bigint; kind: string }[];
  noSavingsReason: string | null;
  benefits: string[];
  contactName: string | null;
  contactEmail: string | null;
};

/** Turns a stored revision back into the values a form shows (edit forms, the conflict view). */
export function revisionToFormValues(stored: StoredRevisionContent): ArrangementFormValues {
  const savings = [...stored.savings].sort((a, b) => a.financialYear - b.financialYear);
  const order = new Map<string, number>(SERVICE_CATEGORIES.map((c) => [c.slug, c.sortOrder]));
  return withDateParts({
    ...EMPTY_FORM_VALUES,
    title: stored.title,
    description: stored.description,
    mainCategory: stored.mainCategory ?? "",
    furtherCategories: [...stored.furtherCategories].sort(
      (a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99),
    ),
    stage: stored.stage ?? "",
    startDate: stored.startDate ?? "",
    endDate: stored.endDate ?? "",
    partners: [...stored.partners],
    savingsYear: savings.map((s) => String(s.financialYear)),
    // "£1,250,000.50": how people write it, and parsePounds reads it back exactly.
    savingsAmount: savings.map((s) => formatPence(s.amountPence)),
    savingsKind: savings.map((s) => s.kind),
    noSavingsReason: stored.noSavingsReason ?? "",
    benefits: [...stored.benefits],
    contactName: stored.contactName ?? "",
    contactEmail: stored.contactEmail ?? "",
  });
}
