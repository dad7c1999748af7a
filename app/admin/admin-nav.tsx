import { SectionNav } from "@/components/section-nav";

/** The number of submissions waiting, beside "Review", in words for screen readers too. */
function ReviewCount({ count }: { count: number }) {
  const text = count.toLocaleString("en-GB");
  return (
    <>
      {" "}
      <span
        className="ml-1 inline-block min-w-6 rounded-full bg-brand px-2 text-center text-sm text-white"
        data-testid="review-count"
        aria-hidden="true"
      >
        {text}
      </span>
      <span className="sr-only">({text} waiting)</span>
    </>
  );
}

/** The administration area's own navigation; the current section is marked for screen readers. */
export function AdminNav({ reviewCount }: { reviewCount: number }) {
  return (
    <SectionNav
      label="Administration"
      items={[
        { href: "/admin/review", label: "Review", extra: <ReviewCount count={reviewCount} /> },
        { href: "/admin/audit", label: "Audit" },
        { href: "/admin/organisations", label: "Organisations" },
        { href: "/admin/editions", label: "Editions" },
        { href: "/admin/users", label: "Users" },
        { href: "/admin/feedback", label: "Feedback" },
        { href: "/admin/outbox", label: "Outbox" },
      ]}
      className="mb-8 border-b-2 border-rule"
      listClassName="flex flex-wrap gap-x-6"
      linkClassName="-mb-0.5"
    />
  );
}
