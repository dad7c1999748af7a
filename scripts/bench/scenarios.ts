// What the benchmark measures: each public page, the API and a write, with the raw query the
// page runs so every figure is also a ratio. Query functions are imported only here, after the
// benchmark has pointed DATABASE_URL at its own database.
import type autocannon from "autocannon";
import type postgres from "postgres";
import { hiddenFields, multipart } from "./forms";

export type SqlProbe = () => Promise<unknown>;

export type Scenario = {
  name: string;
  server: "cached" | "uncached";
  path: string;
  connections: number;
  signedIn?: boolean;
  /** A request factory for writes (method, body, per-request changes). */
  request?: () => autocannon.Request;
  sql?: SqlProbe;
  target?: { pingShare?: number; p99?: number; sqlRatio?: number };
};

type Context = {
  sql: postgres.Sql;
  cookie: string;
  bases: { cached: string; uncached: string };
  newKey: () => string;
};

export async function scenarios(context: Context): Promise<Scenario[]> {
  const { loadDashboard } = await import("@/lib/stats/dashboard");
  const { listPublishedArrangements, getPublishedArrangement } =
    await import("@/lib/public/arrangements");
  const { getMapModel } = await import("@/lib/councils/map");
  const { defaultMapOptions } = await import("@/lib/councils/map-options");
  const { parseListQuery } = await import("@/lib/public/filters");
  const { getOrganisationOptions } = await import("@/lib/public/organisations");
  const { getArrangementHistory } = await import("@/lib/public/history");
  const { nowPartOf } = await import("@/lib/organisations/successors");
  const { getCouncilPage } = await import("@/lib/councils/council-page");
  const { estimateCouncils, getServicePage } = await import("@/lib/services/service-page");
  const { compareCouncils, selectCouncils } = await import("@/lib/councils/compare");
  const { parseCompareQuery } = await import("@/lib/councils/compare-query");
  const { partnerFinderCouncils } = await import("@/lib/partners/finder");

  const [arrangement] = await context.sql<{ slug: string }[]>`
    select slug from arrangements where published_revision_id is not null order by id desc limit 1`;
  const slug = arrangement?.slug ?? "missing";
  const searchQuery = "q=procurement+partners&region=london&stage=operational";
  const search = parseListQuery(new URLSearchParams(searchQuery));
  const apiQuery = "q=procurement&region=london&limit=20";
  const api = parseListQuery(new URLSearchParams(apiQuery));
  if (!search.ok || !api.ok) throw new Error("The benchmark's search does not parse");
  // Each probe runs every query its page runs, as the page runs them.
  const dashboard = () => loadDashboard({});
  const explorer = () =>
    Promise.all([getOrganisationOptions(), listPublishedArrangements(search.value)]);
  const detail = async () => {
    const [found] = await Promise.all([getPublishedArrangement(slug), getArrangementHistory(slug)]);
    return nowPartOf(found?.organisations.map((o) => o.code) ?? []);
  };

  // A county's page (its profile beside its comparison group) and one service's page.
  const council = "E10000008";
  const service = "legal";
  const councilPage = () => getCouncilPage(council);
  const servicePage = () => Promise.all([getServicePage(service), estimateCouncils()]);
  // Three councils of different tiers side by side: a county, a district, a London borough.
  const compareQuery = "councils=E10000008,E07000040,E09000005";
  const comparePage = async () => {
    const selection = await selectCouncils(parseCompareQuery(new URLSearchParams(compareQuery)));
    return Promise.all([compareCouncils(selection.councils), partnerFinderCouncils()]);
  };

  return [
    {
      name: "Dashboard, cached",
      server: "cached",
      path: "/",
      connections: 50,
      sql: dashboard,
      target: { pingShare: 0.5 },
    },
    {
      name: "Dashboard, uncached",
      server: "uncached",
      path: "/",
      connections: 50,
      sql: dashboard,
      target: { p99: 300, sqlRatio: 2 },
    },
    {
      name: "Explorer: text search + filters, uncached",
      server: "uncached",
      path: `/arrangements?${searchQuery}`,
      connections: 50,
      sql: explorer,
      target: { p99: 200, sqlRatio: 2 },
    },
    {
      name: "Explorer: text search + filters, cached",
      server: "cached",
      path: `/arrangements?${searchQuery}`,
      connections: 50,
      sql: explorer,
    },
    {
      name: "Map, cached",
      server: "cached",
      path: "/map",
      connections: 50,
      sql: () => getMapModel(defaultMapOptions()),
    },
    {
      name: "Map, uncached",
      server: "uncached",
      path: "/map",
      connections: 50,
      sql: () => getMapModel(defaultMapOptions()),
      target: { sqlRatio: 2 },
    },
    {
      name: "Arrangement page, uncached",
      server: "uncached",
      path: `/arrangements/${slug}`,
      connections: 50,
      sql: detail,
      target: { sqlRatio: 2 },
    },
    {
      name: "JSON API: /api/v1/arrangements search, uncached",
      server: "uncached",
      path: `/api/v1/arrangements?${apiQuery}`,
      connections: 50,
      sql: () => listPublishedArrangements(api.value),
      target: { sqlRatio: 2 },
    },
    {
      name: "Council page (profile), cached",
      server: "cached",
      path: `/councils/${council}`,
      connections: 50,
      sql: councilPage,
      target: { pingShare: 0.5 },
    },
    {
      name: "Council page (profile), uncached",
      server: "uncached",
      path: `/councils/${council}`,
      connections: 50,
      sql: councilPage,
      target: { sqlRatio: 2 },
    },
    {
      name: "Service page, cached",
      server: "cached",
      path: `/services/${service}`,
      connections: 50,
      sql: servicePage,
      target: { pingShare: 0.5 },
    },
    {
      name: "Service page, uncached",
      server: "uncached",
      path: `/services/${service}`,
      connections: 50,
      sql: servicePage,
      target: { sqlRatio: 2 },
    },
    {
      name: "Compare three councils, cached",
      server: "cached",
      path: `/compare?${compareQuery}`,
      connections: 50,
      sql: comparePage,
      target: { pingShare: 0.5 },
    },
    {
      name: "Compare three councils, uncached",
      server: "uncached",
      path: `/compare?${compareQuery}`,
      connections: 50,
      sql: comparePage,
      target: { sqlRatio: 2 },
    },
    await saveDraftScenario(context),
  ];
}

/** Save draft through the real form post (a server action without JavaScript), at c=10. */
async function saveDraftScenario(context: Context): Promise<Scenario> {
  const page = await (
    await fetch(`${context.bases.uncached}/workspace/new`, { headers: { cookie: context.cookie } })
  ).text();
  const hidden = hiddenFields(page, "idempotencyKey").filter(([name]) => name !== "idempotencyKey");
  const fields = (key: string): [string, string][] => [
    ...hidden,
    ["idempotencyKey", key],
    ["title", `Benchmark shared service ${key.slice(0, 8)}`],
    ["description", "Written by the benchmark's save-draft scenario."],
    ["mainCategory", "legal"],
    ["stage", "operational"],
    ["startDate", "2019-04-01"],
    ["partners", "E10000027"],
    ["savingsYear", "2019"],
    ["savingsAmount", "125000"],
    ["savingsKind", "actual"],
    ["contactName", "Bench"],
    ["contactEmail", "bench@bench.example.org"],
  ];
  const commands = await import("@/lib/arrangements/commands");
  const [user] = await context.sql<{ id: number; organisation_id: number; name: string }[]>`
    select id, organisation_id, name from users where email = 'bench-100@bench.example.org'`;
  return {
    name: "Save draft (form post), c=10",
    server: "uncached",
    path: "/workspace/new",
    connections: 10,
    signedIn: true,
    request: () => ({
      method: "POST",
      setupRequest: (request) => {
        const { body, contentType } = multipart(fields(context.newKey()));
        return {
          ...request,
          body,
          headers: { ...request.headers, "content-type": contentType, cookie: context.cookie },
        };
      },
    }),
    sql: () =>
      commands.saveDraft(
        {
          id: user!.id,
          email: "bench-100@bench.example.org",
          name: user!.name,
          role: "council_editor",
          organisationId: user!.organisation_id,
          sessionId: "bench",
        },
        {
          idempotencyKey: context.newKey(),
          values: Object.fromEntries(fields(context.newKey()).filter(([k]) => !k.startsWith("$"))),
        },
        { requestId: "bench" },
      ),
    target: { p99: 500, sqlRatio: 2 },
  };
}
