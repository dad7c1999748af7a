/*
 * The five class fills, shared by the map and its legend: a light-to-dark sequence in the
 * site's teal, and a texture on alternate classes (hatching for "none", dots, a dense grid) so
 * neighbouring classes differ by more than colour.
 */

export const CLASS_COLOURS = ["#ffffff", "#d5e9ef", "#92c4d4", "#3d8aa6", "#0f4c5c"] as const;

export function MapPatterns({ prefix, size }: { prefix: string; size: number }) {
  const s = size;
  return (
    <defs>
      <pattern id={`${prefix}-0`} width={s} height={s} patternUnits="userSpaceOnUse">
        <rect width={s} height={s} fill={CLASS_COLOURS[0]} />
        <path
          d={`M0 ${s}L${s} 0M${-s / 4} ${s / 4}L${s / 4} ${-s / 4}M${(3 * s) / 4} ${(5 * s) / 4}L${(5 * s) / 4} ${(3 * s) / 4}`}
          stroke="#7d8994"
          strokeWidth={s / 8}
        />
      </pattern>
      <pattern id={`${prefix}-1`} width={s} height={s} patternUnits="userSpaceOnUse">
        <rect width={s} height={s} fill={CLASS_COLOURS[1]} />
      </pattern>
      <pattern id={`${prefix}-2`} width={s} height={s} patternUnits="userSpaceOnUse">
        <rect width={s} height={s} fill={CLASS_COLOURS[2]} />
        <circle cx={s / 2} cy={s / 2} r={s / 6} fill="#1f5f75" />
      </pattern>
      <pattern id={`${prefix}-3`} width={s} height={s} patternUnits="userSpaceOnUse">
        <rect width={s} height={s} fill={CLASS_COLOURS[3]} />
      </pattern>
      <pattern id={`${prefix}-4`} width={s} height={s} patternUnits="userSpaceOnUse">
        <rect width={s} height={s} fill={CLASS_COLOURS[4]} />
        <circle cx={s / 2} cy={s / 2} r={s / 7} fill="#ffffff" />
      </pattern>
    </defs>
  );
}
