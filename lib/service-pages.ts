/**
 * The site's service pages, linked from every page's footer (components/site-footer.tsx). Each
 * is a static page under app/(public)/ (tests/unit/service-pages.test.ts checks that it exists).
 */
export const SERVICE_PAGES = [
  { href: "/about", label: "About the register" },
  { href: "/what-counts-as-a-saving", label: "What counts as a saving" },
  { href: "/privacy", label: "Privacy notice" },
  { href: "/cookies", label: "Cookies" },
  { href: "/contact", label: "Contact" },
  { href: "/data/api", label: "API reference" },
  { href: "/accessibility", label: "Accessibility statement" },
] as const;
