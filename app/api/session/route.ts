import { getCurrentUser } from "@/lib/auth/current";

/**
 * Who the caller is signed in as, for the header's account links. Public pages are cached and
 * identical for everyone, so the signed-in part of the header is filled in by the browser from
 * here. Says only what the caller's own cookie proves about themselves.
 */
export async function GET() {
  const user = await getCurrentUser();
  const body = user
    ? {
        signedIn: true as const,
        name: user.name,
        role: user.role,
        hasWorkspace: user.role === "council_editor" && user.organisationId !== null,
      }
    : { signedIn: false as const };
  return Response.json(body, {
    headers: { "cache-control": "private, no-store", vary: "cookie" },
  });
}
