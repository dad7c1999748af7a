/** A page's search parameters as Next.js hands them over. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** One non-empty value of a parameter, or undefined (absent, empty or repeated). */
export function one(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
