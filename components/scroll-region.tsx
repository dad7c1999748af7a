import type { ReactNode } from "react";

/**
 * A box that scrolls sideways by itself when a wide table does not fit (a phone at 320 px), so
 * the page never does. It is a named region and takes focus, so keyboard users can scroll it;
 * `relative` keeps visually hidden cell text inside the box. Prints at full width.
 */
export function ScrollRegion({
  labelledBy,
  label,
  className = "",
  children,
}: {
  /** The id of the caption or heading that names the table. */
  labelledBy?: string;
  label?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-labelledby={labelledBy}
      aria-label={labelledBy ? undefined : label}
      tabIndex={0}
      className={`relative min-w-0 overflow-x-auto print:overflow-visible ${className}`}
    >
      {children}
    </div>
  );
}
