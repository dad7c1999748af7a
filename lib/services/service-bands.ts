/*
 * The service pages' fixed choices, in a pure module so the API's OpenAPI description
 * (lib/open-data/openapi-services.ts) can state them too.
 */

/** Savings bands for the spread of savings per arrangement: [label, from pence, below pence]. */
export const SAVINGS_BANDS: readonly [string, bigint, bigint | null][] = [
  ["Under £100k", 1n, 10_000_000n],
  ["£100k to £500k", 10_000_000n, 50_000_000n],
  ["£500k to £1m", 50_000_000n, 100_000_000n],
  ["£1m to £5m", 100_000_000n, 500_000_000n],
  ["£5m or more", 500_000_000n, null],
];

/** How many of the newest arrangements a service page lists. */
export const NEWEST = 5;
