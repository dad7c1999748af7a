/*
 * The share of a predecessor each successor takes, in basis points (10000 = the whole). One rule
 * for the reference seed (db/seed/demo/successions.ts), an administrator's reorganisation and an
 * administrator's edit of a split: shares always add up to exactly 10000 per predecessor.
 *
 * Pure module.
 */

export const WHOLE_BP = 10_000;

/**
 * 10000 basis points shared in proportion to `weights` (populations): each rounded, the
 * remainder on the largest (the first of equal largest). Without a weight for every successor,
 * equal parts. One successor takes the whole.
 */
export function sharesByWeight(weights: readonly (number | null | undefined)[]): number[] {
  if (weights.length === 0) return [];
  const usable = weights.every((w): w is number => typeof w === "number" && w > 0);
  const basis = usable ? (weights as number[]) : weights.map(() => 1);
  const total = basis.reduce((a, b) => a + b, 0);
  const shares = basis.map((w) => Math.round((w / total) * WHOLE_BP));
  const largest = basis.indexOf(Math.max(...basis));
  shares[largest]! += WHOLE_BP - shares.reduce((a, b) => a + b, 0);
  return shares;
}

const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** "45.5" or "45.50" → 4550; null when it is not a percentage with at most two decimals. */
export function percentToBp(text: string): number | null {
  const match = PERCENT.exec(text.trim());
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return bp <= WHOLE_BP ? bp : null;
}

/** 4550 → "45.5", 10000 → "100", 3333 → "33.33". */
export function bpToPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const part = bp % 100;
  if (part === 0) return String(whole);
  return `${whole}.${String(part).padStart(2, "0").replace(/0$/, "")}`;
}
