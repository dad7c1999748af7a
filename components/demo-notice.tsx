import type { ReactNode } from "react";

/** The box that says plainly that what is shown includes demo data: a titled aside. */
export function DemoNotice({
  id,
  title,
  testId,
  children,
}: {
  /** The title's id, which names the aside. */
  id: string;
  title: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <aside
      aria-labelledby={id}
      className="my-6 border-l-8 border-notice bg-notice-bg px-4 py-4 sm:px-6"
      data-testid={testId}
    >
      <p id={id} className="text-lg font-bold text-notice">
        {title}
      </p>
      {children}
    </aside>
  );
}
