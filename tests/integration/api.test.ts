// The handlers read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GET as getArrangement,
  OPTIONS as optionsArrangement,
} from "@/app/api/v1/arrangements/[slug]/route";
import {
  GET as listArrangements,
  OPTIONS as optionsArrangements,
} from "@/app/api/v1/arrangements/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as listOrganisations } from "@/app/api/v1/organisations/route";
import { formatPence } from "@/lib/money";
import { closeDatabases, testDatabase } from "../support/db";
import { OpenApiValidator, type OpenApiDoc } from "../support/openapi";
import { deletePublished, insertPublished, randomWord } from "../support/public-fixtures";

/*
 * The open-data API, called through its exported route handlers with real Request objects.
 * Every answer is validated against the OpenAPI document the API itself serves; its figures are
 * compared with SQL written here; malformed input must give 400 (or an empty result), never 500.
 */

const { sql } = testDatabase();
const run = randomWord(8);
const prefix = `api-test-${run}-`;
const BASE = "http://api.test";
const DEVON = "E10000008";
const SOMERSET = "E10000027";
const FIRE = "fire:011";

let validator: OpenApiValidator;

type Answer = { status: number; headers: Headers; body: unknown; path: string };

/** Calls the handler that serves `target` (a path with its query string) and checks the answer. */
async function call(target: string, init: RequestInit = {}): Promise<Answer> {
  const url = new URL(target, BASE);
  const request = new Request(url, init);
  let response: Response;
  const detail = /^\/api\/v1\/arrangements\/([^/]+)$/.exec(url.pathname);
  if (detail) {
    const slug = decodeURIComponent(detail[1]!);
    response = await getArrangement(request, { params: Promise.resolve({ slug }) });
  } else if (url.pathname === "/api/v1/arrangements") {
    response = await listArrangements(request, undefined);
  } else if (url.pathname === "/api/v1/organisations") {
    response = await listOrganisations(request, undefined);
  } else if (url.pathname === "/api/v1/openapi.json") {
    response = await getOpenApi(request, undefined);
  } else {
    throw new Error(`No handler for ${url.pathname}`);
  }
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  return { status: response.status, headers: response.headers, body, path: url.pathname };
}

/** Calls and validates against the document; the answer must be one the document describes. */
async function valid(target: string): Promise<Answer> {
  const answer = await call(target);
  expect(
    answer.status,
    `${target} answered ${answer.status}: ${JSON.stringify(answer.body)}`,
  ).toBeLessThan(500);
  expect(answer.headers.get("access-control-allow-origin")).toBe("*");
  expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
  const problems = validator.check(answer.path, "GET", answer.status, answer.body);
  expect(problems, `${target}: ${problems.join("; ")}`).toEqual([]);
  return answer;
}

type ListBody = {
  data: { slug: string; total_savings_pence: string; total_savings: string }[];
  meta: { total: number; page: number; limit: number; pages: number; total_savings_pence: string };
  links: { self: string; next: string | null; prev: string | null; first: string; last: string };
};

beforeAll(async () => {
  const doc = await call("/api/v1/openapi.json");
  expect(doc.status).toBe(200);
  validator = new OpenApiValidator(doc.body as OpenApiDoc);
  await insertPublished(sql, {
    slug: `${prefix}with-fire`,
    title: `Joint fire safety ${run} team`,
    description: "Fire safety checks for vulnerable residents.",
    lead: DEVON,
    partners: [SOMERSET, FIRE],
    mainCategory: "community-safety-emergency-planning",
    furtherCategories: ["adult-social-care"],
    startDate: "2018-04-01",
    benefits: ["resilience"],
    contactName: null,
    contactEmail: "fire@test.example.org",
    savings: [
      { year: 2018, pence: 9_007_199_254_740_993n, kind: "actual" },
      { year: 2019, pence: 1n, kind: "forecast" },
    ],
  });
});

afterAll(async () => {
  await deletePublished(sql, prefix);
  await closeDatabases(sql);
});

describe("the OpenAPI document", () => {
  it("is a well-formed OpenAPI 3.1 document", () => {
    expect(validator.doc.openapi).toBe("3.1.0");
    expect(validator.documentProblems()).toEqual([]);
  });

  it("compiles every schema as JSON Schema 2020-12 (strict)", () => {
    const names = Object.keys(validator.doc.components.schemas);
    expect(names).toEqual(
      expect.arrayContaining(["Error", "ArrangementList", "ArrangementDetail", "OrganisationList"]),
    );
    for (const name of names)
      expect(() => validator.compile(`#/components/schemas/${name}`)).not.toThrow();
    for (const [template, item] of Object.entries(validator.doc.paths)) {
      const escaped = template.replace(/\//g, "~1");
      const parameters = (item.get?.parameters ?? []) as unknown[];
      parameters.forEach((_p, i) =>
        expect(() =>
          validator.compile(`#/paths/${escaped}/get/parameters/${i}/schema`),
        ).not.toThrow(),
      );
    }
  });

  it("documents exactly the routes under app/api/v1 (stats is documented by its own fragment)", () => {
    const root = path.join(process.cwd(), "app", "api", "v1");
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        return statSync(full).isDirectory() ? walk(full) : [full];
      });
    const routes = walk(root)
      .filter((f) => f.endsWith("route.ts"))
      .map((f) => `/api/v1/${path.relative(root, path.dirname(f)).split(path.sep).join("/")}`)
      .map((r) => r.replace(/\[([^\]]+)\]/g, "{$1}"));
    const documented = Object.keys(validator.doc.paths);
    expect(documented.sort()).toEqual(routes.sort());
    for (const p of documented)
      expect(
        existsSync(
          path.join(
            root,
            ...p
              .slice(8)
              .replace(/\{(\w+)\}/g, "[$1]")
              .split("/"),
            "route.ts",
          ),
        ),
      ).toBe(true);
  });
});

describe("answers match the document", () => {
  const lists = [
    "/api/v1/arrangements",
    "/api/v1/arrangements?q=procurement%20Brent",
    "/api/v1/arrangements?region=london&category=legal&sort=savings&limit=5",
    "/api/v1/arrangements?partner=fire&stage=operational&from=2000&to=2030&min=0&max=1000000000",
    "/api/v1/arrangements?organisation=e10000008&sort=name&page=2&limit=3",
    "/api/v1/arrangements?limit=100",
    "/api/v1/arrangements?page=10000",
    "/api/v1/organisations",
    "/api/v1/organisations?kind=council&region=london&limit=100",
    "/api/v1/organisations?kind=fire&page=2&limit=10",
    "/api/v1/arrangements/hub-procurement-services-brent-and-harrow",
    "/api/v1/arrangements/devon-and-somerset-trading-standards",
    "/api/v1/arrangements/no-such-arrangement",
    "/api/v1/arrangements?page=0",
    "/api/v1/organisations?kind=bank",
  ];
  it.each(lists)("%s", async (target) => {
    await valid(target);
  });

  it("the check itself fails an answer that strays from the document", async () => {
    const answer = await valid("/api/v1/arrangements/hub-procurement-services-brent-and-harrow");
    const body = answer.body as { data: Record<string, unknown> };
    const path = answer.path;
    const strays = [
      { ...body.data, total_savings_pence: 50000000 },
      { ...body.data, undocumented: true },
      { ...body.data, published_at: "yesterday" },
      { ...body.data, stage: "paused" },
      (({ slug: _slug, ...rest }) => rest)(body.data),
    ];
    for (const data of strays) expect(validator.check(path, "GET", 200, { data })).not.toEqual([]);
    expect(() => validator.check(path, "GET", 418, {})).toThrow(/does not document/);
  });

  it("an arrangement with every field, and amounts beyond 2^53 pence, exactly", async () => {
    const answer = await valid(`/api/v1/arrangements/${prefix}with-fire`);
    const data = (answer.body as { data: Record<string, unknown> }).data;
    expect(data.total_savings_pence).toBe("9007199254740994");
    expect(data.actual_savings_pence).toBe("9007199254740993");
    expect(data.forecast_savings_pence).toBe("1");
    expect(data.total_savings).toBe(formatPence(9_007_199_254_740_994n));
    expect(data.contact).toEqual({ name: null, email: "fire@test.example.org" });
    expect(
      (data.organisations as { code: string; role: string }[]).map((o) => [o.code, o.role]),
    ).toEqual([
      // The lead first, then by name: "Devon and Somerset Fire…" before "Somerset County…".
      [DEVON, "lead"],
      [FIRE, "partner"],
      [SOMERSET, "partner"],
    ]);
  });
});

describe("figures equal SQL", () => {
  it("list counts and savings, for a combined filter, over every page", async () => {
    const filter = "region=south-west&stage=operational&from=2005";
    const [expected] = await sql<{ n: number; pence: string }[]>`
      select count(*)::int as n, coalesce(sum((select coalesce(sum(s.amount_pence), 0)
               from revision_savings s where s.revision_id = r.id)), 0)::text as pence
      from arrangements a
      join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
      join organisations lead on lead.id = a.lead_organisation_id
      where lead.region = 'South West' and r.stage = 'operational' and r.start_date >= '2005-01-01'`;
    const first = (await valid(`/api/v1/arrangements?${filter}&limit=7`)).body as ListBody;
    expect(first.meta.total).toBe(expected!.n);
    expect(first.meta.total_savings_pence).toBe(expected!.pence);
    expect(first.meta.pages).toBe(Math.ceil(expected!.n / 7));

    // Follow `links.next` to the end: every result once, and the amounts add up.
    const seen: string[] = [];
    let sum = 0n;
    let next: string | null = first.links.self;
    while (next) {
      const page = (await valid(next)).body as ListBody;
      for (const row of page.data) {
        seen.push(row.slug);
        sum += BigInt(row.total_savings_pence);
        expect(row.total_savings).toBe(formatPence(BigInt(row.total_savings_pence)));
      }
      next = page.links.next;
    }
    expect(seen.length).toBe(expected!.n);
    expect(new Set(seen).size).toBe(expected!.n);
    expect(sum.toString()).toBe(expected!.pence);
  });

  it("an arrangement's savings lines", async () => {
    const slug = "devon-and-somerset-trading-standards";
    const lines = await sql<{ year: number; kind: string; pence: string }[]>`
      select s.financial_year::int as year, s.kind::text as kind, s.amount_pence::text as pence
      from arrangements a join revision_savings s on s.revision_id = a.published_revision_id
      where a.slug = ${slug} order by s.financial_year`;
    const data = (
      (await valid(`/api/v1/arrangements/${slug}`)).body as {
        data: {
          savings: { financial_year: number; kind: string; amount_pence: string }[];
          total_savings_pence: string;
        };
      }
    ).data;
    expect(
      data.savings.map((s) => ({ year: s.financial_year, kind: s.kind, pence: s.amount_pence })),
    ).toEqual(lines);
    expect(data.total_savings_pence).toBe(
      lines.reduce((t, l) => t + BigInt(l.pence), 0n).toString(),
    );
  });

  it("organisations: counts per kind and published arrangements per organisation", async () => {
    const counts = await sql<{ kind: string; n: number }[]>`
      select kind::text, count(*)::int as n from organisations group by kind`;
    for (const { kind, n } of counts) {
      const body = (await valid(`/api/v1/organisations?kind=${kind}&limit=1`)).body as ListBody;
      expect(body.meta.total, kind).toBe(n);
    }
    const [devon] = await sql<{ n: number }[]>`
      select count(*)::int as n from arrangements a
      join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
      join revision_partners rp on rp.revision_id = r.id
      join organisations o on o.id = rp.organisation_id where o.code = ${DEVON}`;
    const all: { code: string; published_arrangements: number }[] = [];
    for (let page = 1; ; page++) {
      const body = (await valid(`/api/v1/organisations?kind=council&limit=100&page=${page}`))
        .body as {
        data: { code: string; published_arrangements: number }[];
        links: { next: string | null };
      };
      all.push(...body.data);
      if (!body.links.next) break;
    }
    expect(all.find((o) => o.code === DEVON)?.published_arrangements).toBe(devon!.n);
    expect(new Set(all.map((o) => o.code)).size).toBe(counts.find((c) => c.kind === "council")!.n);
  });

  it("replaced councils say what replaced them, every part of a split", async () => {
    const [replaced] = await sql<{ code: string; by: string }[]>`
      select o.code, r.code as by from organisation_successions x
      join organisations o on o.id = x.predecessor_id
      join organisations r on r.id = x.successor_id
      where o.kind = 'council' order by o.code limit 1`;
    expect(replaced).toBeDefined();
    const all: {
      code: string;
      replaced_by: { code: string } | null;
      successors: { code: string; effective_date: string; share_bp: number }[];
    }[] = [];
    for (let page = 1; page <= 4; page++) {
      const body = (await valid(`/api/v1/organisations?kind=council&limit=100&page=${page}`))
        .body as {
        data: typeof all;
      };
      all.push(...body.data);
    }
    expect(all.find((o) => o.code === replaced!.code)?.replaced_by?.code).toBe(replaced!.by);
    // Northamptonshire: North and West Northamptonshire from 1 April 2021, by population.
    const northants = all.find((o) => o.code === "E10000021")!;
    expect(northants.successors.map((x) => [x.code, x.effective_date]).sort()).toEqual([
      ["E06000061", "2021-04-01"],
      ["E06000062", "2021-04-01"],
    ]);
    expect(northants.successors.reduce((n, x) => n + x.share_bp, 0)).toBe(10_000);
    expect(northants.replaced_by?.code).toBe(northants.successors[0]!.code);
  });
});

describe("malformed requests: 400 or an empty result, never 500", () => {
  const tenKb = "procurement ".repeat(900);
  const targets = [
    "/api/v1/arrangements?page=-1",
    "/api/v1/arrangements?page=0",
    "/api/v1/arrangements?page=1e3",
    "/api/v1/arrangements?page=99999999999999999999",
    "/api/v1/arrangements?limit=100000",
    "/api/v1/arrangements?limit=0",
    "/api/v1/arrangements?limit=-5",
    "/api/v1/arrangements?category=unknown-category",
    "/api/v1/arrangements?region=mars",
    `/api/v1/arrangements?q=${encodeURIComponent("' OR 1=1 --")}`,
    `/api/v1/arrangements?q=${encodeURIComponent("'; DROP TABLE arrangements; --")}`,
    `/api/v1/arrangements?organisation=${encodeURIComponent("' OR 1=1 --")}`,
    `/api/v1/arrangements?stage=${encodeURIComponent("operational' --")}`,
    "/api/v1/arrangements?q=%00",
    "/api/v1/arrangements?q=legal%00services",
    "/api/v1/arrangements?q=%ff%fe",
    "/api/v1/arrangements?q=%",
    `/api/v1/arrangements?q=${encodeURIComponent(tenKb)}`,
    `/api/v1/arrangements?organisation=${"A".repeat(10_000)}`,
    "/api/v1/arrangements?min=abc&max=-1",
    "/api/v1/arrangements?min=99999999999999999999999",
    "/api/v1/arrangements?from=2020&to=2010",
    "/api/v1/arrangements?from=0&to=9999",
    "/api/v1/arrangements?sort=price",
    "/api/v1/arrangements?region=london&region=london",
    "/api/v1/arrangements?unknown=1",
    "/api/v1/arrangements?q=legal&Q=legal",
    "/api/v1/organisations?kind=' OR 1=1 --",
    "/api/v1/organisations?limit=101",
    "/api/v1/organisations?page=-3",
    "/api/v1/organisations?q=devon",
    "/api/v1/arrangements/%00",
    "/api/v1/arrangements/..%2F..%2Fetc%2Fpasswd",
    `/api/v1/arrangements/${encodeURIComponent("' OR 1=1 --")}`,
    `/api/v1/arrangements/${"a".repeat(10_000)}`,
    "/api/v1/arrangements/hub-procurement-services-brent-and-harrow?extra=1",
  ];
  it.each(targets.map((t) => [t.slice(0, 90), t] as const))("%s", async (_name, target) => {
    const answer = await valid(target);
    expect([200, 400, 404]).toContain(answer.status);
    if (answer.status === 200 && answer.path === "/api/v1/arrangements") {
      // Answered, not refused: then it must not have widened to the whole register.
      const { n } = (
        await sql<{ n: number }[]>`
        select count(*)::int as n from arrangements a
        join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'`
      )[0]!;
      expect((answer.body as ListBody).meta.total).toBeLessThan(n);
    }
    if (answer.status >= 400) {
      const body = answer.body as { status: number; message: string };
      expect(body.status).toBe(answer.status);
      expect(body.message.length).toBeGreaterThan(0);
      expect(answer.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("the specific refusals name their parameter", async () => {
    const cases: [string, string][] = [
      ["/api/v1/arrangements?page=0", "page"],
      ["/api/v1/arrangements?limit=100000", "limit"],
      ["/api/v1/arrangements?category=unknown-category", "category"],
      ["/api/v1/arrangements?q=%00", "q"],
      ["/api/v1/arrangements?unknown=1", "unknown"],
      ["/api/v1/organisations?kind=bank", "kind"],
    ];
    for (const [target, parameter] of cases) {
      const answer = await call(target);
      expect(answer.status, target).toBe(400);
      expect(Object.keys((answer.body as { errors: Record<string, string> }).errors)).toEqual([
        parameter,
      ]);
    }
    const missing = await call("/api/v1/arrangements/no-such-arrangement");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      status: 404,
      message: 'No published arrangement has the slug "no-such-arrangement".',
    });
  });

  it("takes every parameter it documents, and refuses one it does not", async () => {
    const examples: Record<string, string> = {
      q: "legal",
      region: "london",
      category: "legal",
      organisation: "E09000005",
      partner: "councils-only",
      stage: "operational",
      from: "2000",
      to: "2030",
      min: "0",
      max: "1000000",
      sort: "name",
      page: "1",
      limit: "10",
      kind: "council",
    };
    for (const template of ["/api/v1/arrangements", "/api/v1/organisations"]) {
      const names = validator.queryParameters(template);
      expect(names.length).toBeGreaterThan(2);
      const query = new URLSearchParams(names.map((n) => [n, examples[n]!]));
      expect((await valid(`${template}?${query}`)).status, template).toBe(200);
      expect((await call(`${template}?${query}&colour=blue`)).status).toBe(400);
    }
  });
});

describe("HTTP behaviour", () => {
  it("answers CORS preflights for any origin, GET and HEAD only", async () => {
    for (const response of [optionsArrangements(), optionsArrangement()]) {
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
      expect(response.headers.get("access-control-max-age")).toBe("86400");
    }
  });

  it("caches for a minute, with an ETag that answers 304 while the data is unchanged", async () => {
    const first = await call("/api/v1/arrangements?category=legal");
    expect(first.headers.get("cache-control")).toBe(
      "public, max-age=60, stale-while-revalidate=60",
    );
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await call("/api/v1/arrangements?category=legal", {
      headers: { "If-None-Match": etag! },
    });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    const other = await call("/api/v1/arrangements?category=ict", {
      headers: { "If-None-Match": etag! },
    });
    expect(other.status).toBe(200);
  });
});
