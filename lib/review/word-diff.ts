import { diffWordsWithSpace } from "diff";

/*
 * A changed text field word by word, for the review page: the earlier text with the words taken
 * out marked, and the later text with the words put in marked. jsdiff's word diff, in the form
 * that counts spaces and line breaks as tokens too (diffWordsWithSpace): plain diffWords gives
 * unchanged stretches the later text's spacing, so the earlier side would not read as it was.
 * A change of spacing alone is shown on its side unmarked: there is nothing to see or to read.
 */

export type WordPart = { text: string; change: "same" | "added" | "removed" };

export type WordDiff = { before: WordPart[]; after: WordPart[] };

/**
 * Past this many words added or removed the texts have little in common, and the diff's cost
 * grows with the square of it: the field is then shown whole, before and after.
 */
const MAX_EDIT_LENGTH = 2000;

/** Null when the texts differ too much to compare word by word. */
export function wordDiff(before: string, after: string): WordDiff | null {
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) return null;
  const result: WordDiff = { before: [], after: [] };
  for (const c of changes) {
    const spacing = c.value.trim() === "";
    if (c.added) result.after.push({ text: c.value, change: spacing ? "same" : "added" });
    else if (c.removed) result.before.push({ text: c.value, change: spacing ? "same" : "removed" });
    else {
      result.before.push({ text: c.value, change: "same" });
      result.after.push({ text: c.value, change: "same" });
    }
  }
  return result;
}
