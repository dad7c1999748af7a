/**
 * A whole answer without React, for the few that are given before any page can render (the
 * proxy's 503 while the database is down, its 400 and 413 for requests no page can read): a
 * plain page in the site's colours, or JSON `{ status, message }` for the API. Nothing of the
 * app's internals goes in it. Pure module: the proxy and start-up code both use it.
 */
export type PlainPage = {
  status: number;
  title: string;
  /** Paragraphs of plain text (escaped here). */
  paragraphs: string[];
  /** The API's message; the paragraphs joined when not given. */
  message?: string;
  headers?: Record<string, string>;
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function plainPageHtml({ title, paragraphs }: Pick<PlainPage, "title" | "paragraphs">) {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – Council Shared Services Map</title>
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
<h1>${escape(title)}</h1>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n")}
</main>
</body>
</html>`;
}

/** The page, or JSON when `pathname` is under /api/. Never cached. */
export function plainResponse(pathname: string, page: PlainPage): Response {
  const headers = { "cache-control": "no-store", ...page.headers };
  if (pathname.startsWith("/api/")) {
    return Response.json(
      { status: page.status, message: page.message ?? page.paragraphs.join(" ") },
      { status: page.status, headers },
    );
  }
  return new Response(plainPageHtml(page), {
    status: page.status,
    headers: { ...headers, "content-type": "text/html; charset=utf-8" },
  });
}
