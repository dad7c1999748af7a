// Reading a server-rendered form the way a browser without JavaScript would: its hidden fields
// (the server action's own, the idempotency token) are sent back as they are.

/** The hidden inputs of the first <form> on the page that has a field called `marker`. */
export function hiddenFields(html: string, marker: string): [string, string][] {
  const forms = html.split(/<form\b/i).slice(1);
  const form = forms.find((f) => new RegExp(`name="${marker}"`).test(f.split(/<\/form>/i)[0]!));
  if (!form) throw new Error(`No form with a "${marker}" field on the page`);
  const body = form.split(/<\/form>/i)[0]!;
  const fields: [string, string][] = [];
  for (const match of body.matchAll(/<input\b[^>]*>/gi)) {
    const tag = match[0];
    if (!/type="hidden"/i.test(tag)) continue;
    const name = /name="([^"]*)"/.exec(tag)?.[1];
    const value = /value="([^"]*)"/.exec(tag)?.[1] ?? "";
    if (name) fields.push([decodeEntities(name), decodeEntities(value)]);
  }
  return fields;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** A multipart/form-data body, as a browser sends a form. */
export function multipart(fields: [string, string][]): { body: string; contentType: string } {
  const boundary = `----bench${Math.random().toString(16).slice(2)}`;
  const parts = fields.map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    body: `${parts.join("")}--${boundary}--\r\n`,
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
