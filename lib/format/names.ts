/** Names on one line as people write them: "A", "A and B", "A, B and C". Pure module. */
export function namesText(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
