import { checkDatabase } from "@/lib/health";

// Public and cheap: load balancers and the e2e runner poll it. Says whether the database answers.
export async function GET() {
  const database = await checkDatabase();
  return Response.json(
    { status: database ? "ok" : "unavailable", database: database ? "ok" : "unreachable" },
    { status: database ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
