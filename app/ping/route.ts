// A static answer for readiness checks and the benchmark's baseline: no database, no rendering.
export const dynamic = "force-static";

export function GET() {
  return new Response("ok\n", { headers: { "content-type": "text/plain; charset=utf-8" } });
}
