import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/access";

/**
 * An address under /account that no page answers: the 404 rendered per request, so its scripts
 * carry this response's CSP nonce (lib/csp.ts), not the prerendered one's none.
 */
export default async function MissingAccountPage(): Promise<never> {
  await requireUser();
  notFound();
}
