import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/access";

/**
 * An address under /admin that no page answers. Without this the prerendered 404 would be
 * served, whose scripts carry no nonce and so break under this area's CSP (lib/csp.ts); here
 * the 404 is rendered per request, after the same check as every admin page.
 */
export default async function MissingAdminPage(): Promise<never> {
  await requireAdmin();
  notFound();
}
