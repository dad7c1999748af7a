// Next.js calls register() once as a server starts, before it answers any request
// (node_modules/next/dist/docs/01-app/03-api-reference/03-file-conventions/instrumentation.md).
// Like proxy.ts it is app-level code at the root; what it does lives in lib/start-up.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startUp } = await import("@/lib/start-up");
  startUp();
}
