/**
 * The answer every request gets while the database is unreachable: a plain page (or JSON for
 * the API) with status 503 and Retry-After, and nothing of the app's internals. Pure module.
 */
export const RETRY_AFTER_SECONDS = 10;

export function unavailableResponse(pathname: string): Response {
  const headers = {
    "retry-after": String(RETRY_AFTER_SECONDS),
    "cache-control": "no-store",
  };
  if (pathname.startsWith("/api/")) {
    return Response.json(
      {
        status: 503,
        message: "The service is unavailable at the moment. Please try again in a few minutes.",
      },
      { status: 503, headers },
    );
  }
  return new Response(PAGE, {
    status: 503,
    headers: { ...headers, "content-type": "text/html; charset=utf-8" },
  });
}

const PAGE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sorry, the service is unavailable – Council Shared Services Map</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 0; color: #1b1f24; line-height: 1.5; }
  header { background: #0f4c5c; color: #fff; padding: 1rem 1.5rem; font-weight: 700; font-size: 1.25rem; }
  main { max-width: 40rem; padding: 2rem 1.5rem; }
  h1 { font-size: 2rem; margin: 0 0 1rem; }
</style>
</head>
<body>
<header>Council Shared Services Map</header>
<main>
<h1>Sorry, the service is unavailable</h1>
<p>The register cannot be reached at the moment. Nothing you have saved has been lost.</p>
<p>Please try again in a few minutes.</p>
</main>
</body>
</html>`;
