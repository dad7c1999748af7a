import type { ReactNode } from "react";

/**
 * The box that says plainly that what is shown includes demo data: a titled aside.
 *
 * On a phone it is one line — a short title and a "More" disclosure — so that it does not fill
 * the first screen; from the small breakpoint up it shows everything. The disclosure is
 * <details>, so it opens without JavaScript. Its text is therefore written twice, once for each
 * width; the copy not shown is display: none, so it is hidden from assistive technology too and
 * read once. The aside is named by the full title at every width (a name may come from hidden
 * text).
 */
export function DemoNotice({
  id,
  title,
  shortTitle,
  testId,
  children,
}: {
  /** The title's id, which names the aside. */
  id: string;
  title: string;
  /**
   * The one line shown on a phone, with "More" after it: about 22 characters fit at 320 px,
   * 28 at 390 px (longer is cut with an ellipsis).
   */
  shortTitle: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <aside
      aria-labelledby={id}
      className="my-6 border-l-8 border-notice bg-notice-bg px-3 py-2 sm:px-6 sm:py-4"
      data-testid={testId}
    >
      <p id={id} className="hidden text-lg font-bold text-notice sm:block">
        {title}
      </p>
      <div className="hidden sm:block">{children}</div>
      <details className="group sm:hidden" data-testid={`${testId}-more`}>
        <summary className="flex cursor-pointer list-none items-baseline gap-2 [&::-webkit-details-marker]:hidden">
          <span className="min-w-0 truncate font-bold text-notice">{shortTitle}</span>
          <span className="ml-auto shrink-0 font-semibold underline">
            <span className="group-open:hidden">More</span>
            <span className="hidden group-open:inline">Less</span>
            <span className="sr-only"> about the demo data</span>
          </span>
        </summary>
        <p className="mt-2 font-bold text-notice">{title}</p>
        {children}
      </details>
    </aside>
  );
}
