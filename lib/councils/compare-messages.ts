import { formatLongDate } from "@/lib/format/dates";
import { namesText } from "@/lib/format/names";
import type { CompareProblem, Replacement } from "./compare";
import { MAX_COMPARED, MIN_COMPARED } from "./compare-query";

/*
 * What the compare page and the API say about a question they cannot answer as asked, in the
 * GOV.UK style: what is wrong and what to do. Pure module.
 */

const quoted = (values: readonly string[]) => namesText(values.map((v) => `“${v}”`));

export function problemText(problem: CompareProblem): string {
  switch (problem.kind) {
    case "malformed":
      return problem.values.length === 1
        ? `${quoted(problem.values)} is not a council code: a code is a letter and eight digits, like E10000008.`
        : `${quoted(problem.values)} are not council codes: a code is a letter and eight digits, like E10000008.`;
    case "unknown":
      return problem.codes.length === 1
        ? `No council has the code ${problem.codes[0]}: choose councils from the list.`
        : `No council has the codes ${namesText(problem.codes)}: choose councils from the list.`;
    case "not-formed":
      return `${problem.council.name} is not formed until ${formatLongDate(problem.council.startDate!)}, so it cannot be compared yet.`;
    case "no-successor":
      return `${problem.council.name} was abolished${problem.council.endDate ? ` on ${formatLongDate(problem.council.endDate)}` : ""} and no council is recorded as replacing it, so it cannot be compared.`;
    case "too-few":
      return problem.count === 0
        ? `Choose at least ${MIN_COMPARED} councils to compare.`
        : `Choose at least one more council to compare: there must be ${MIN_COMPARED} to ${MAX_COMPARED}.`;
    case "too-many":
      return `You can compare up to ${MAX_COMPARED} councils at once: remove ${problem.count - MAX_COMPARED} of the ${problem.count}.`;
  }
}

/** "Allerdale Borough Council has been abolished: Cumberland Council, which it became part of on 1 April 2023, is compared in its place." */
export function replacementText(replacement: Replacement): string {
  const { successors } = replacement;
  const names = namesText(successors.map((s) => s.name));
  const since = formatLongDate(successors.map((s) => s.since).sort()[0]!);
  return successors.length === 1
    ? `${replacement.name} has been abolished: ${names}, which it became part of on ${since}, is compared in its place.`
    : `${replacement.name} has been abolished: ${names}, which it became part of on ${since}, are compared in its place.`;
}
