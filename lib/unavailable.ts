import { plainResponse } from "@/lib/plain-page";

/**
 * The answer every request gets while the database is unreachable: a plain page (or JSON for
 * the API) with status 503 and Retry-After, and nothing of the app's internals. Pure module.
 */
export const RETRY_AFTER_SECONDS = 10;

export function unavailableResponse(pathname: string): Response {
  return plainResponse(pathname, {
    status: 503,
    title: "Sorry, the service is unavailable",
    paragraphs: [
      "The register cannot be reached at the moment. Nothing you have saved has been lost.",
      "Please try again in a few minutes.",
    ],
    message: "The service is unavailable at the moment. Please try again in a few minutes.",
    headers: { "retry-after": String(RETRY_AFTER_SECONDS) },
  });
}
