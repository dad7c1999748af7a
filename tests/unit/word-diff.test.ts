import { describe, expect, it } from "vitest";
import { wordDiff, type WordPart } from "@/lib/review/word-diff";

const text = (parts: WordPart[]) => parts.map((p) => p.text).join("");
const marked = (parts: WordPart[]) => parts.filter((p) => p.change !== "same").map((p) => p.text);

describe("wordDiff", () => {
  it("marks the words taken out and put in, and each side reads exactly as it was", () => {
    const before = "One legal team for two councils,\nbased in Exeter.";
    const after = "One shared legal team for three councils,\nbased in Exeter and Taunton.";
    const diff = wordDiff(before, after)!;
    expect(text(diff.before)).toBe(before);
    expect(text(diff.after)).toBe(after);
    expect(marked(diff.before)).toEqual(["two"]);
    expect(marked(diff.after)).toEqual(["shared ", "three", " and Taunton"]);
    expect(diff.before.every((p) => p.change !== "added")).toBe(true);
    expect(diff.after.every((p) => p.change !== "removed")).toBe(true);
  });

  it("leaves a change of spacing alone unmarked", () => {
    const diff = wordDiff("Two councils.\nOne team.", "Two councils.\n\nOne team.")!;
    expect(marked(diff.before)).toEqual([]);
    expect(marked(diff.after)).toEqual([]);
    expect(text(diff.after)).toBe("Two councils.\n\nOne team.");
  });

  it("gives up on texts with too little in common, for the field to be shown whole", () => {
    const words = (seed: string) => Array.from({ length: 2500 }, (_, i) => `${seed}${i}`).join(" ");
    expect(wordDiff(words("a"), words("b"))).toBeNull();
  });
});
