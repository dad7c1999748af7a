import type { ReactNode } from "react";

/**
 * A confirmation after something worked. role="status" so screen readers announce it without
 * moving focus; the heading and the green edge carry the meaning, not the colour alone.
 */
export function SuccessPanel({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div role="status" className="mb-6 border-l-8 border-success bg-surface p-4">
      <h2 className="text-xl font-bold text-success">{title}</h2>
      {children ? <div className="mt-2 space-y-2">{children}</div> : null}
    </div>
  );
}
