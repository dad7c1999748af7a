import {
  parseArrangementForm,
  revisionToFormValues,
  type ArrangementFormValues,
  type StoredRevisionContent,
} from "./schema";

/*
 * How complete a draft is, by the rules submission runs (./schema.ts, level "submit"): no
 * second list of what is required. Each problem the full rules find belongs to one part of the
 * form; a required part is done when none of its fields has a problem. The optional part
 * (benefits and contact) is not counted, but a problem in it still stops submission, so it is
 * listed as something to correct.
 */

type Part = { label: string; required: boolean; owns: (field: string) => boolean };

const PARTS: Part[] = [
  { label: "Title", required: true, owns: (f) => f === "title" },
  { label: "Description", required: true, owns: (f) => f === "description" },
  {
    label: "Service category",
    required: true,
    owns: (f) => f === "mainCategory" || f === "furtherCategories",
  },
  {
    label: "Stage and dates",
    required: true,
    owns: (f) => f === "stage" || f === "startDate" || f === "endDate",
  },
  { label: "Partners", required: true, owns: (f) => f === "partners" },
  {
    label: "Savings",
    required: true,
    owns: (f) => f.startsWith("savings.") || f === "noSavingsReason",
  },
  {
    label: "Benefits and contact",
    required: false,
    owns: (f) => f === "benefits" || f === "contactName" || f === "contactEmail",
  },
];

export const REQUIRED_PARTS = PARTS.filter((p) => p.required).length;

export type Completeness = {
  /** Required parts with no problem. */
  done: number;
  /** How many parts are required (the same for every arrangement). */
  total: number;
  /** Labels of the parts that still have a problem, in the form's order. */
  toDo: string[];
  /** True when "Submit for review" would accept the content. */
  ready: boolean;
};

/** A form's values measured against the submission rules. */
export function completenessOfValues(values: ArrangementFormValues): Completeness {
  const parsed = parseArrangementForm(values);
  const fields = parsed.ok ? [] : Object.keys(parsed.errors);
  const withProblems = PARTS.filter((part) => fields.some(part.owns));
  return {
    done: PARTS.filter((p) => p.required && !withProblems.includes(p)).length,
    total: REQUIRED_PARTS,
    toDo: withProblems.map((p) => p.label),
    ready: parsed.ok,
  };
}

/** A stored revision measured against the submission rules. */
export function completenessOf(stored: StoredRevisionContent): Completeness {
  return completenessOfValues(revisionToFormValues(stored));
}

/** "4 of 6 required parts done", or "Ready to submit". */
export function describeCompleteness(c: Completeness): string {
  if (c.ready) return "Ready to submit";
  return `${c.done} of ${c.total} required parts done`;
}

/** How a title that has not been typed yet reads in lists and headings. */
export function draftTitle(title: string): string {
  return title.trim() || "Untitled draft";
}
