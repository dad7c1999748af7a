import { SectionNav } from "./section-nav";

export const SITE_SECTIONS = [
  { href: "/", label: "National picture" },
  { href: "/map", label: "Map" },
  { href: "/arrangements", label: "Arrangements" },
  { href: "/services", label: "Services" },
  { href: "/partners", label: "Find partners" },
  { href: "/editions", label: "Editions" },
  { href: "/data", label: "Open data" },
] as const;

/** The public sections, with the current one marked for screen readers and by a bar. */
export function SiteNav() {
  return (
    <SectionNav
      label="Main"
      items={SITE_SECTIONS}
      className="no-print border-b border-rule bg-surface"
      listClassName="mx-auto flex max-w-6xl flex-wrap gap-x-6 gap-y-1 px-4 sm:px-6"
      linkClassName="-mb-px"
    />
  );
}
