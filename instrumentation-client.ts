// Runs in the browser before the app hydrates (Next.js's instrumentation-client convention).
//
// zod probes `new Function("")` once to decide whether it may compile its parsers; under the
// nonce policy of the pages rendered per request (lib/csp.ts) that eval is refused and reported
// as a violation, though zod carries on. Its `jitless` setting skips the probe (forms check a few
// fields and need no compiled parsers). zod keeps its settings on globalThis.__zod_globalConfig,
// read when it loads, so setting it there costs no bytes; `config({ jitless: true })` from zod
// would put ~15 KB on every page, public ones included. tests/e2e/csp.spec.ts fails on the
// violation if a zod upgrade stops reading it.
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };
