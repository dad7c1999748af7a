/**
 * Under tables of whole pounds: how they are rounded and where the exact figures are. A total
 * is rounded from the exact sum (never added up from rounded rows), so it can differ from the
 * sum of the rounded figures above it by a pound or two; the open data has every penny.
 */
export function RoundingNote({
  className = "mt-3 text-sm text-ink-muted",
}: {
  className?: string;
}) {
  return (
    <p className={className} data-testid="rounding-note">
      Amounts are rounded to the nearest pound. Each total is rounded from the exact sum, so it can
      differ by a pound or two from the rounded figures above it. Exact amounts, to the penny, are
      in the <a href="/data">open data</a> and the API.
    </p>
  );
}
