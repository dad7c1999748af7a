import { z } from "zod";
import { hiddenCharacterProblem, nfc } from "@/lib/content-rules";
import { COUNCIL_TYPE_LABELS } from "@/lib/councils/labels";
import { GSS_PATTERN, line, organisationDate, region, requiredId } from "./schemas";
import { percentToBp } from "./shares";

/*
 * Input rules for recording a reorganisation (lib/organisations/reorganisation.ts): councils
 * that end on the day before the vesting day and the new councils formed on it. The form has a
 * row per new council (name, ONS code, type, region, population, and the councils it is formed
 * from, one per line, each optionally with its percentage when a council is divided). Rows left
 * blank are ignored; the first is required. Which councils the lines name, and whether they may
 * end, is for the command: it reads the database.
 */

/** New councils one form can create. */
export const NEW_COUNCIL_ROWS = 5;
/** A council that ends has at most this many lines across the rows (a whole county and more). */
const MAX_LINES = 60;

export const NEW_COUNCIL_TYPES = ["UA", "CTY", "NMD", "MD", "LBO"] as const;
export type NewCouncilType = (typeof NEW_COUNCIL_TYPES)[number];
export const NEW_COUNCIL_TYPE_OPTIONS = NEW_COUNCIL_TYPES.map((t) => ({
  value: t,
  label: COUNCIL_TYPE_LABELS[t]!,
}));

/** The names of one row's fields: name1, code1, type1, region1, population1, from1. */
export function rowFields(row: number) {
  return {
    name: `name${row}`,
    code: `code${row}`,
    type: `type${row}`,
    region: `region${row}`,
    population: `population${row}`,
    from: `from${row}`,
  } as const;
}

export const ROWS = Array.from({ length: NEW_COUNCIL_ROWS }, (_, i) => i + 1);

/** A line of "formed from": the council it names (code or name), and its share if given. */
export type FromLine = { reference: string; bp: number | null };

export type NewCouncil = {
  row: number;
  name: string;
  shortName: string;
  code: string;
  councilType: NewCouncilType;
  region: string | null;
  population: number | null;
  from: FromLine[];
};

/** "West Northamptonshire Council" → "West Northamptonshire"; the name when nothing is left. */
export function shortNameOf(name: string): string {
  const short = name
    .replace(/\s+(?:County |District |Borough |City |Metropolitan Borough )?Council$/i, "")
    .trim();
  return short || name;
}

const SHARE = /^(.*?)\s+(\d{1,3}(?:\.\d{1,2})?)\s*%$/;

function fromLines(text: string, path: string, ctx: z.RefinementCtx): FromLine[] {
  const issue = (message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const hidden = hiddenCharacterProblem("Formed from", text);
  if (hidden) {
    issue(hidden);
    return [];
  }
  const lines = nfc(text)
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  if (lines.length === 0) issue("Enter the councils it is formed from, one per line");
  if (lines.length > MAX_LINES) issue(`List at most ${MAX_LINES} councils`);
  return lines.map((l) => {
    const match = SHARE.exec(l);
    if (!match) return { reference: l, bp: null };
    const bp = percentToBp(match[2]!);
    if (bp === null || bp === 0)
      issue(`“${l}”: a share must be more than 0% and at most 100%, like 52.4%`);
    return { reference: match[1]!, bp: bp || null };
  });
}

const code = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(
    z
      .string()
      .min(1, "Enter its ONS code")
      .regex(GSS_PATTERN, "The ONS code must be a letter and 8 digits, like E06000064"),
  );

const population = z
  .string()
  .transform((s) => s.replace(/[,\s]/g, ""))
  .pipe(
    z.union([
      z.literal("").transform(() => null),
      z
        .string()
        .regex(/^\d{1,8}$/, "Population must be a whole number, like 274,396")
        .transform(Number)
        .pipe(z.number().min(1, "Population must be more than 0")),
    ]),
  );

type Raw = Record<string, unknown>;
const text = (raw: Raw, name: string) => (typeof raw[name] === "string" ? raw[name] : "");

/** One row's fields, checked with its errors under the row's field names; null when blank. */
function parseRow(raw: Raw, row: number, ctx: z.RefinementCtx): NewCouncil | null {
  const f = rowFields(row);
  const blank = [f.name, f.code, f.population, f.from].every((n) => text(raw, n).trim() === "");
  if (blank && row > 1) return null;
  const parts = {
    name: line("new council's name", 200).safeParse(text(raw, f.name)),
    code: code.safeParse(text(raw, f.code)),
    type: z
      .enum(NEW_COUNCIL_TYPES, { error: "Select the type of council" })
      .safeParse(raw[f.type] || "UA"),
    region: region.safeParse(raw[f.region] || undefined),
    population: population.safeParse(text(raw, f.population)),
  };
  let ok = true;
  for (const [key, result] of Object.entries(parts)) {
    if (result.success) continue;
    ok = false;
    ctx.addIssue({
      code: "custom",
      path: [f[key as keyof typeof parts]],
      message: result.error.issues[0]!.message,
    });
  }
  const from = fromLines(text(raw, f.from), f.from, ctx);
  if (!ok || !parts.name.success || !parts.code.success || !parts.type.success) return null;
  if (!parts.region.success || !parts.population.success) return null;
  return {
    row,
    name: parts.name.data,
    shortName: shortNameOf(parts.name.data),
    code: parts.code.data,
    councilType: parts.type.data,
    region: parts.region.data,
    population: parts.population.data,
    from,
  };
}

const vestingDate = z
  .string({ error: "Enter the vesting day" })
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, "Enter the vesting day")
      .superRefine(organisationDate("Vesting day", "2028-04-01")),
  );

export const recordReorganisationSchema = z
  .record(z.string(), z.unknown())
  .transform((raw, ctx) => {
    const day = vestingDate.safeParse(raw.vestingDate ?? "");
    if (!day.success)
      ctx.addIssue({
        code: "custom",
        path: ["vestingDate"],
        message: day.error.issues[0]!.message,
      });
    const councils = ROWS.map((row) => parseRow(raw, row, ctx)).filter((c) => c !== null);
    const codes = councils.map((c) => c.code);
    councils.forEach((c, i) => {
      if (codes.indexOf(c.code) !== i)
        ctx.addIssue({
          code: "custom",
          path: [rowFields(c.row).code],
          message: `Two new councils have the ONS code ${c.code}`,
        });
    });
    return { vestingDate: day.success ? day.data : "", councils };
  });

export type RecordReorganisationInput = Record<string, unknown>;
export type Reorganisation = z.output<typeof recordReorganisationSchema>;

/** Changing the shares of a council divided between several successors. */
export const changeSharesSchema = z.record(z.string(), z.unknown()).transform((raw, ctx) => {
  const predecessor = requiredId("Choose a council").safeParse(raw.predecessorId);
  if (!predecessor.success) {
    ctx.addIssue({ code: "custom", path: ["_form"], message: "Choose a council" });
    return z.NEVER;
  }
  const shares = new Map<number, number>();
  for (const [name, value] of Object.entries(raw)) {
    const id = /^share(\d{1,9})$/.exec(name)?.[1];
    if (!id) continue;
    const bp = typeof value === "string" ? percentToBp(value) : null;
    if (bp === null || bp === 0)
      ctx.addIssue({
        code: "custom",
        path: [name],
        message: "Enter a percentage more than 0 and at most 100, with at most two decimals",
      });
    else shares.set(Number(id), bp);
  }
  const version = typeof raw.version === "string" ? raw.version.slice(0, 40) : undefined;
  return { predecessorId: predecessor.data, version, shares };
});

export type ChangeSharesInput = Record<string, unknown>;
