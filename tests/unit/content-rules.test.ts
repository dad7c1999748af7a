import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseArrangementForm, type ArrangementFormValues } from "@/lib/arrangements/schema";
import { dateRangeProblem, hiddenCharacterProblem, latestDate, nfc } from "@/lib/content-rules";
import { createEditionSchema } from "@/lib/editions/schemas";
import { createOrganisationSchema, markReplacedSchema } from "@/lib/organisations/schemas";
import { rejectSchema } from "@/lib/review/schemas";
import { inviteUserSchema, updateNameSchema } from "@/lib/users/schemas";

/*
 * Issue 13, item 6: text normalised to NFC with hidden characters refused, and dates within
 * 1990 … 20 years ahead, in every schema that takes them. APP_TODAY pins "today".
 */

const TODAY = "2026-12-02";
let saved: string | undefined;
beforeEach(() => {
  saved = process.env.APP_TODAY;
  process.env.APP_TODAY = TODAY;
});
afterEach(() => {
  if (saved === undefined) delete process.env.APP_TODAY;
  else process.env.APP_TODAY = saved;
});

// Each hidden character the rules name, with the name the message gives it.
const HIDDEN: [string, string][] = [
  ["\u202a", "left-to-right embedding, U+202A"],
  ["\u202b", "right-to-left embedding, U+202B"],
  ["\u202c", "pop directional formatting, U+202C"],
  ["\u202d", "left-to-right override, U+202D"],
  ["\u202e", "right-to-left override, U+202E"],
  ["\u2066", "left-to-right isolate, U+2066"],
  ["\u2067", "right-to-left isolate, U+2067"],
  ["\u2068", "first strong isolate, U+2068"],
  ["\u2069", "pop directional isolate, U+2069"],
  ["\u200e", "left-to-right mark, U+200E"],
  ["\u200f", "right-to-left mark, U+200F"],
  ["\u061c", "Arabic letter mark, U+061C"],
  ["\u200b", "zero-width space, U+200B"],
  ["\u200c", "zero-width non-joiner, U+200C"],
  ["\u200d", "zero-width joiner, U+200D"],
  ["\u2060", "word joiner, U+2060"],
  ["\ufeff", "zero-width no-break space, U+FEFF"],
];

const hiddenMessage = (label: string, name: string) =>
  `${label} contains an invisible character (${name}) that can disguise text: delete it and type the text again`;

function form(overrides: Partial<ArrangementFormValues> = {}): ArrangementFormValues {
  return {
    title: "Shared legal services",
    description: "One legal team.",
    mainCategory: "legal",
    furtherCategories: [],
    stage: "operational",
    startDate: "2017-04-01",
    endDate: "",
    partners: ["E10000027"],
    savingsYear: ["2018"],
    savingsAmount: ["1000"],
    savingsKind: ["actual"],
    noSavingsReason: "",
    benefits: [],
    contactName: "",
    contactEmail: "",
    ...overrides,
  };
}

const errorsOf = (values: ArrangementFormValues) => {
  const parsed = parseArrangementForm(values);
  return parsed.ok ? {} : parsed.errors;
};

describe("the rules themselves", () => {
  it.each(HIDDEN)("names %j and its code point", (char, name) => {
    expect(hiddenCharacterProblem("Title", `Shared${char} services`)).toBe(
      hiddenMessage("Title", name),
    );
  });

  it("lets ordinary text through, accents, Welsh and other scripts included", () => {
    for (const ok of [
      "Café",
      "Gwasanaethau a rennir — Ŵyl",
      "Zürich–Łódź",
      "مشترك",
      "Tab\tand\nline",
    ])
      expect(hiddenCharacterProblem("Title", ok)).toBeNull();
  });

  it("composes decomposed text (NFC)", () => {
    expect(nfc("Cafe\u0301")).toBe("Café");
    expect(nfc("Cafe\u0301")).toHaveLength(4);
  });

  it("bounds dates from 1 January 1990 to 20 years after today, both included", () => {
    expect(latestDate(TODAY)).toBe("2046-12-02");
    expect(latestDate("2028-02-29")).toBe("2048-02-29");
    expect(latestDate("2024-02-29")).toBe("2044-02-29");
    expect(latestDate("2025-02-28")).toBe("2045-02-28");
    expect(latestDate("2032-02-29")).toBe("2052-02-29");
    expect(latestDate("2036-02-29")).toBe("2056-02-29");
    expect(latestDate("2080-02-29")).toBe("2100-02-28");
    expect(dateRangeProblem("Start date", "1990-01-01", TODAY)).toBeNull();
    expect(dateRangeProblem("Start date", "2046-12-02", TODAY)).toBeNull();
    expect(dateRangeProblem("Start date", "1989-12-31", TODAY)).toBe(
      "Start date must be on or after 1 January 1990",
    );
    expect(dateRangeProblem("End date", "2046-12-03", TODAY)).toBe(
      "End date must be on or before 2 December 2046 (20 years from today)",
    );
  });
});

describe("the arrangement form (save, submit and import parse through it)", () => {
  it("stores titles, descriptions and names as NFC", () => {
    const parsed = parseArrangementForm(
      form({
        title: "Cafe\u0301 services",
        description: "Re\u0301sume\u0301",
        contactName: "Zoe\u0308",
      }),
    );
    expect(parsed.ok && parsed.data).toMatchObject({
      title: "Café services",
      description: "Résumé",
      contactName: "Zoë",
    });
  });

  it("refuses hidden characters in every text field, naming the field", () => {
    expect(
      errorsOf(
        form({
          title: "Shared \u202eslagel\u202c services",
          description: "One\u200b team",
          contactName: "Jo\u2066 Bloggs",
          contactEmail: "jo\u200d@example.org",
        }),
      ),
    ).toEqual({
      title: hiddenMessage("Title", "right-to-left override, U+202E"),
      description: hiddenMessage("Description", "zero-width space, U+200B"),
      contactName: hiddenMessage("Contact name", "left-to-right isolate, U+2066"),
      contactEmail: hiddenMessage("Contact email", "zero-width joiner, U+200D"),
    });
    expect(
      errorsOf(
        form({
          savingsYear: [],
          savingsAmount: [],
          savingsKind: [],
          noSavingsReason: "None\u2060",
        }),
      ),
    ).toEqual({ noSavingsReason: hiddenMessage("Reason", "word joiner, U+2060") });
  });

  it("refuses a hidden character at either end too, where trimming would hide it", () => {
    expect(errorsOf(form({ title: "\ufeffShared services" }))).toEqual({
      title: hiddenMessage("Title", "zero-width no-break space, U+FEFF"),
    });
  });

  it("refuses dates before 1990 or more than 20 years ahead, with the limits in the message", () => {
    expect(errorsOf(form({ startDate: "0001-01-01" }))).toEqual({
      startDate: "Start date must be on or after 1 January 1990",
    });
    expect(errorsOf(form({ stage: "ended", endDate: "9999-12-31" }))).toEqual({
      endDate: "End date must be on or before 2 December 2046 (20 years from today)",
    });
    expect(errorsOf(form({ stage: "planned", startDate: "2046-12-03" }))).toEqual({
      startDate: "Start date must be on or before 2 December 2046 (20 years from today)",
    });
    expect(parseArrangementForm(form({ startDate: "1990-01-01" })).ok).toBe(true);
    expect(parseArrangementForm(form({ stage: "planned", startDate: "2046-12-02" })).ok).toBe(true);
  });

  it("moves the upper limit with today", () => {
    process.env.APP_TODAY = "2030-06-01";
    expect(parseArrangementForm(form({ stage: "planned", startDate: "2050-06-01" })).ok).toBe(true);
  });
});

describe("organisations, users, review reasons and editions", () => {
  const issues = (result: { success: boolean; error?: { issues: unknown[] } }) =>
    result.success
      ? {}
      : Object.fromEntries(
          (result.error!.issues as { path: PropertyKey[]; message: string }[]).map((i) => [
            i.path.join("."),
            i.message,
          ]),
        );

  it("organisation names: NFC, hidden characters refused; dates from 1900 to 20 years ahead", () => {
    const ok = createOrganisationSchema.safeParse({
      kind: "other",
      name: "Re\u0301gion Partnership",
      startDate: "1974-04-01",
    });
    expect(ok.success && ok.data.name).toBe("Région Partnership");
    expect(
      issues(
        createOrganisationSchema.safeParse({
          kind: "other",
          name: "Evil\u202e Partnership",
          shortName: "Evil\u200b",
          startDate: "1899-12-31",
          endDate: "2046-12-03",
        }),
      ),
    ).toEqual({
      name: hiddenMessage("Name", "right-to-left override, U+202E"),
      shortName: hiddenMessage("Short name", "zero-width space, U+200B"),
      startDate: "Start date must be on or after 1 January 1900",
      endDate: "End date must be on or before 2 December 2046 (20 years from today)",
    });
    expect(
      issues(
        markReplacedSchema.safeParse({ organisationId: 1, endDate: "9999-12-31", replacedById: 2 }),
      ),
    ).toEqual({ endDate: "Last day must be on or before 2 December 2046 (20 years from today)" });
  });

  it("people's names", () => {
    const ok = updateNameSchema.safeParse({ name: "  Zoe\u0308   Smith " });
    expect(ok.success && ok.data.name).toBe("Zoë Smith");
    expect(issues(updateNameSchema.safeParse({ name: "Jo\u200f Bloggs" }))).toEqual({
      name: hiddenMessage("Name", "right-to-left mark, U+200F"),
    });
    expect(
      issues(
        inviteUserSchema.safeParse({
          email: "jo@example.org",
          name: "\u2067Jo",
          role: "admin",
          organisationId: "",
        }),
      ),
    ).toEqual({ name: hiddenMessage("Name", "right-to-left isolate, U+2067") });
  });

  it("reasons for returning a submission, and editions' names", () => {
    expect(
      issues(rejectSchema.safeParse({ revisionId: 1, reason: "Please check\u061c the dates" })),
    ).toEqual({ reason: hiddenMessage("Reason", "Arabic letter mark, U+061C") });
    const edition = createEditionSchema.safeParse({
      name: "E\u0301dition 2017",
      asOfDate: "2017-12-31",
    });
    expect(edition.success && edition.data.name).toBe("Édition 2017");
    expect(
      issues(createEditionSchema.safeParse({ name: "Edition\u202d", asOfDate: "2017-12-31" })),
    ).toEqual({ name: hiddenMessage("Name", "left-to-right override, U+202D") });
  });
});
