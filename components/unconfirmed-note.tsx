import { financialYearLabel } from "@/lib/financial-year";
import { formatWholePounds } from "@/lib/money";

/**
 * How much of a savings total is forecast for financial years that have ended and not yet
 * confirmed, and the total without it (lib/public/unconfirmed.ts): the one wording of the
 * "with or without" reading on the home page, the explorer and council pages. Nothing when
 * there is none.
 */
export function UnconfirmedNote({
  pence,
  totalPence,
  currentYear,
  testId,
  className = "mt-2 block",
}: {
  pence: bigint;
  totalPence: bigint;
  /** Names the years that have ended ("before 2026/27") when given. */
  currentYear?: number;
  testId: string;
  className?: string;
}) {
  if (pence === 0n) return null;
  const before = currentYear ? ` (before ${financialYearLabel(currentYear)})` : "";
  return (
    <span className={className} data-testid={testId}>
      Of which {formatWholePounds(pence)} is forecast for years that have ended{before}, not yet
      confirmed: {formatWholePounds(totalPence - pence)} without it.
    </span>
  );
}
