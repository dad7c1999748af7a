/*
 * The malformed-request corpus (issue 13, item 4): requests a scanner, a broken client or an
 * attacker sends, over every route family — undecodable and hostile paths, odd query strings,
 * methods the site does not answer, headers that lie, and bodies a server action cannot read
 * (garbage, wrong types, wrong encodings, over the size limit). tests/e2e/malformed-requests.spec.ts
 * sends each one over a real TCP connection to the production server and requires that none
 * gets a 5xx, that the few with a known answer get it, and that the server is healthy after.
 *
 * Placeholders, filled in by the spec from the database and the live pages:
 *   {{SLUG}} a published arrangement, {{COUNCIL}} Devon's code, {{ARRANGEMENT}} a Devon
 *   arrangement's id, {{REVISION}} a submitted revision, {{ORGANISATION}} and {{USER}} ids,
 *   {{ACTION_LOGIN}} {{ACTION_FORGOT}} {{ACTION_SAVE}} {{ACTION_IMPORT}} the server action ids
 *   of the sign-in, forgot-password, arrangement and import forms.
 * `as` sends the request with an editor's or an administrator's session cookie.
 */

export type Body = string | { repeat: string; bytes: number };

export type CorpusEntry = {
  family: string;
  method: string;
  target: string;
  headers?: Record<string, string>;
  body?: Body;
  chunked?: boolean;
  as?: "editor" | "admin";
  /** The statuses this request must get, where one is known (otherwise: anything below 500). */
  expect?: number[];
};

// ---------------------------------------------------------------------------------------------
// Paths: every route with a dynamic segment, each given the same set of hostile segments.

const SEGMENT_FAMILIES: {
  family: string;
  path: (segment: string) => string;
  as?: "editor" | "admin";
}[] = [
  { family: "arrangement page", path: (s) => `/arrangements/${s}` },
  { family: "council page", path: (s) => `/councils/${s}` },
  { family: "API arrangement", path: (s) => `/api/v1/arrangements/${s}` },
  { family: "API council profile", path: (s) => `/api/v1/councils/${s}/profile` },
  { family: "dashboard CSV", path: (s) => `/data/dashboard/${s}` },
  { family: "cached explorer", path: (s) => `/cached/arrangements/${s}` },
  { family: "cached home", path: (s) => `/cached/home/${s}` },
  { family: "cached map", path: (s) => `/cached/map/${s}` },
  { family: "cached partners", path: (s) => `/cached/partners/${s}` },
  { family: "cached compare", path: (s) => `/cached/compare/${s}` },
  { family: "API service", path: (s) => `/api/v1/services/${s}` },
  { family: "next-auth", path: (s) => `/api/auth/${s}` },
  { family: "workspace edit", path: (s) => `/workspace/${s}/edit`, as: "editor" },
  { family: "workspace preview", path: (s) => `/workspace/${s}/preview`, as: "editor" },
  { family: "partner confirmation", path: (s) => `/workspace/${s}/confirm`, as: "editor" },
  { family: "workspace partners", path: (s) => `/workspace/partners/${s}`, as: "editor" },
  { family: "admin review", path: (s) => `/admin/review/${s}`, as: "admin" },
  { family: "admin organisation", path: (s) => `/admin/organisations/${s}`, as: "admin" },
  { family: "admin user", path: (s) => `/admin/users/${s}`, as: "admin" },
  { family: "root", path: (s) => `/${s}` },
];

/** Undecodable: these must be refused as a bad address (400) or not found (404). */
const BAD_SEGMENTS = ["%ff", "%c0%af", "%", "%2", "%zz", "%00", "%0a", "%e2%80"];
/** Decodable but hostile: anything below 500 will do. */
const ODD_SEGMENTS = [
  "..%2f..%2fetc%2fpasswd",
  "%2e%2e",
  "a%2fb",
  "%5c%5cevil.example",
  "%25ff",
  "%e2%80%ae%e2%80%8b",
  "'%20or%201=1--",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "-1",
  "99999999999999999999999",
  "x".repeat(2000),
];

const paths: CorpusEntry[] = SEGMENT_FAMILIES.flatMap(({ family, path, as }) => [
  ...BAD_SEGMENTS.map((s) => ({ family, method: "GET", target: path(s), as, expect: [400, 404] })),
  ...ODD_SEGMENTS.map((s) => ({ family, method: "GET", target: path(s), as })),
]);

/** The same bad segments inside real records' addresses, signed in where the page needs it. */
const recordPaths: CorpusEntry[] = [
  { family: "arrangement page", method: "GET", target: "/arrangements/{{SLUG}}%ff" },
  { family: "council page", method: "GET", target: "/councils/{{COUNCIL}}%c0" },
  { family: "API arrangement", method: "GET", target: "/api/v1/arrangements/{{SLUG}}/%ff" },
  {
    family: "workspace edit",
    method: "GET",
    target: "/workspace/{{ARRANGEMENT}}%ff/edit",
    as: "editor",
  },
  {
    family: "workspace edit",
    method: "GET",
    target: "/workspace/{{ARRANGEMENT}}/edit%ff",
    as: "editor",
  },
  { family: "admin review", method: "GET", target: "/admin/review/{{REVISION}}%00", as: "admin" },
  { family: "admin user", method: "GET", target: "/admin/users/{{USER}}%ff", as: "admin" },
  {
    family: "admin organisation",
    method: "GET",
    target: "/admin/organisations/{{ORGANISATION}}%e2",
    as: "admin",
  },
  { family: "static", method: "GET", target: "/_next/static/%ff" },
  {
    family: "static",
    method: "GET",
    target: "/_next/static/chunks/%2e%2e%2f%2e%2e%2fpackage.json",
  },
  { family: "image optimiser", method: "GET", target: "/_next/image?url=%ff&w=64&q=75" },
  {
    family: "image optimiser",
    method: "GET",
    target: "/_next/image?url=http://evil.example/x.png&w=64&q=75",
  },
  { family: "image optimiser", method: "GET", target: "/_next/image?url=/icon.svg&w=abc&q=-1" },
  { family: "root", method: "GET", target: "//evil.example/%2e%2e" },
  { family: "root", method: "GET", target: "/./././arrangements" },
  { family: "root", method: "GET", target: "/arrangements/../../admin" },
  { family: "root", method: "GET", target: "*", expect: [400] },
  { family: "root", method: "OPTIONS", target: "*", expect: [400] },
  { family: "root", method: "GET", target: "http://evil.example/", expect: [400] },
];

// ---------------------------------------------------------------------------------------------
// Query strings: every page and file that reads one.

const QUERY_TARGETS: { family: string; path: string; names: string[]; as?: "editor" | "admin" }[] =
  [
    { family: "home", path: "/", names: ["region", "category"] },
    { family: "map", path: "/map", names: ["year", "tier", "view", "measure"] },
    { family: "explorer", path: "/arrangements", names: ["q", "page", "from", "min", "sort"] },
    { family: "partner finder", path: "/partners", names: ["council", "category"] },
    { family: "compare", path: "/compare", names: ["councils", "add", "remove"] },
    { family: "compare CSV", path: "/compare.csv", names: ["councils", "table"] },
    { family: "API compare", path: "/api/v1/compare", names: ["councils"] },
    { family: "API list", path: "/api/v1/arrangements", names: ["q", "page", "limit", "min"] },
    { family: "API organisations", path: "/api/v1/organisations", names: ["q", "kind"] },
    { family: "API stats", path: "/api/v1/stats", names: ["region", "category"] },
    { family: "open data", path: "/data/arrangements.csv", names: ["region", "q"] },
    { family: "open data", path: "/data/savings.json", names: ["category", "from"] },
    { family: "sign-in", path: "/login", names: ["next", "error"] },
    { family: "password reset", path: "/reset-password", names: ["token"] },
    { family: "invitation", path: "/invite/accept", names: ["token"] },
    {
      family: "admin audit",
      path: "/admin/audit",
      names: ["from", "to", "user", "page"],
      as: "admin",
    },
    {
      family: "admin audit export",
      path: "/admin/audit/export",
      names: ["from", "action"],
      as: "admin",
    },
    { family: "admin outbox", path: "/admin/outbox", names: ["to", "page"], as: "admin" },
    { family: "admin feedback", path: "/admin/feedback", names: ["page"], as: "admin" },
    {
      family: "admin review queue",
      path: "/admin/review",
      names: ["organisation", "region"],
      as: "admin",
    },
    { family: "workspace", path: "/workspace", names: ["state"], as: "editor" },
    { family: "workspace partners", path: "/workspace/partners", names: ["state"], as: "editor" },
    {
      family: "admin reorganisation",
      path: "/admin/organisations/reorganise",
      names: ["council", "date"],
      as: "admin",
    },
    { family: "service pages", path: "/about", names: ["x"] },
  ];

const QUERY_VALUES = [
  "%ff%fe",
  "%00",
  "%",
  "-99999999999999999999",
  "1e309",
  "0001-01-01",
  "%3Cscript%3E",
  "%27%20or%201%3D1--",
];

const queries: CorpusEntry[] = QUERY_TARGETS.flatMap(({ family, path, names, as }) => [
  ...names.map((name, i) => ({
    family,
    method: "GET",
    target: `${path}?${name}=${QUERY_VALUES[i % QUERY_VALUES.length]}`,
    as,
  })),
  // The same parameter many times, as an array, and a name with no value.
  {
    family,
    method: "GET",
    target: `${path}?${names[0]}=a&${names[0]}=b&${names[0]}[]=c&${names[0]}`,
    as,
  },
  {
    family,
    method: "GET",
    target: `${path}?${QUERY_VALUES.map((v, i) => `${names[i % names.length]}=${v}`).join("&")}`,
    as,
  },
]);

const strangeNext: CorpusEntry[] = [
  "%0a",
  "%E3%80%82",
  "/%09/evil.example/",
  "//evil.example",
  "/%5Cevil.example",
  "javascript:alert(1)",
  "%ff",
  "/" + "%2e".repeat(300),
].map((next) => ({ family: "sign-in", method: "GET", target: `/login?next=${next}` }));

// ---------------------------------------------------------------------------------------------
// Methods the site does not answer, on every kind of route.

const METHOD_TARGETS = [
  "/",
  "/arrangements",
  "/arrangements/{{SLUG}}",
  "/login",
  "/api/v1/arrangements",
  "/api/health",
  "/data/arrangements.csv",
  "/ping",
];

const methods: CorpusEntry[] = [
  ...["TRACE", "PUT", "DELETE", "PATCH", "PROPFIND"].flatMap((method) =>
    METHOD_TARGETS.map((target) => ({ family: "methods", method, target, expect: [405] })),
  ),
  // Node's parser does not know TRACK: it answers 400 before anything else sees it.
  ...METHOD_TARGETS.map((target) => ({
    family: "methods",
    method: "TRACK",
    target,
    expect: [400],
  })),
  { family: "methods", method: "TRACE", target: "/workspace", as: "editor", expect: [405] },
  {
    family: "methods",
    method: "DELETE",
    target: "/admin/users/{{USER}}",
    as: "admin",
    expect: [405],
  },
  { family: "methods", method: "MKCOL", target: "/api/auth/session", expect: [405] },
  { family: "methods", method: "SEARCH", target: "/arrangements", expect: [405] },
  // Not methods at all: Node's parser refuses them before the app sees anything.
  { family: "methods", method: "FOO", target: "/", expect: [400] },
  { family: "methods", method: "get", target: "/", expect: [400] },
  { family: "methods", method: "OPTIONS", target: "/api/v1/arrangements" },
  { family: "methods", method: "OPTIONS", target: "/login" },
  { family: "methods", method: "HEAD", target: "/arrangements/%ff", expect: [400] },
];

// ---------------------------------------------------------------------------------------------
// Headers that lie or make no sense.

type Variant = Pick<CorpusEntry, "headers" | "body" | "expect">;

const HEADER_VARIANTS: Variant[] = [
  { headers: { Host: "%ff" } },
  { headers: { Host: "evil.example" } },
  { headers: { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "gopher" } },
  { headers: { "X-Forwarded-For": "not-an-address, %ff, ::ffff:999.1.1.1" } },
  { headers: { "X-Ssm-Peer-Address": "forged 203.0.113.9" } },
  { headers: { RSC: "1", "Next-Router-State-Tree": "garbage" } },
  { headers: { RSC: "1", "Next-Router-State-Tree": "%5B%22%22%2C%7B%7D%5D" } },
  { headers: { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": "/%ff" } },
  { headers: { "Next-Url": "%ff" } },
  { headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } },
  { headers: { "x-middleware-prefetch": "1", purpose: "prefetch" } },
  { headers: { "x-invoke-path": "/admin/users", "x-invoke-status": "200" } },
  { headers: { Cookie: "ssm.session=garbage" } },
  { headers: { Cookie: "ssm.session=%ff%fe; __Host-ssm.session=%00" } },
  { headers: { Cookie: "ssm.session=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC" } },
  { headers: { Cookie: `${"a".repeat(3000)}=${"b".repeat(3000)}` } },
  { headers: { Accept: "*/*;q=garbage, text/html;q=2" } },
  { headers: { "Accept-Encoding": "gzip;q=-1, br;q=NaN" } },
  { headers: { "Accept-Language": "%ff, xx-;q=0.5" } },
  { headers: { Range: "bytes=garbage" } },
  { headers: { "If-None-Match": 'W/"%ff"' } },
  { headers: { "If-Modified-Since": "yesterday" } },
  { headers: { "Content-Type": "multipart/form-data" } },
  { headers: { "Content-Length": "-1" }, expect: [400] },
  { headers: { "X-Request-Id": "x".repeat(4000) } },
  { headers: { "User-Agent": "\u00ff".repeat(200) } },
  { headers: { "X-Huge": "h".repeat(20_000) }, expect: [431] },
];

const headers: CorpusEntry[] = HEADER_VARIANTS.flatMap((entry) =>
  ["/", "/arrangements/{{SLUG}}", "/api/v1/arrangements", "/workspace"].map((target) => ({
    family: "headers",
    method: "GET",
    target,
    ...entry,
    ...(target === "/workspace" ? { as: "editor" as const } : {}),
  })),
);

// ---------------------------------------------------------------------------------------------
// Bodies: server actions given what no form of this site sends.

const BOUNDARY = "----corpus7d3";
const part = (name: string, value: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const multipart = (...parts: string[]) => parts.join("") + `--${BOUNDARY}--\r\n`;
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

const ACTION_BODIES: {
  label: string;
  type?: string;
  body: Body;
  expect?: number[];
  chunked?: boolean;
}[] = [
  { label: "empty text", type: "text/plain;charset=UTF-8", body: "", expect: [400] },
  { label: "garbage text", type: "text/plain;charset=UTF-8", body: "garbage{{", expect: [400] },
  { label: "JSON object", type: "text/plain;charset=UTF-8", body: '{"a":1}', expect: [400] },
  { label: "empty array", type: "text/plain;charset=UTF-8", body: "[]", expect: [400] },
  { label: "numbers", type: "text/plain;charset=UTF-8", body: "[1,2]", expect: [400] },
  { label: "missing part", type: "text/plain;charset=UTF-8", body: '[{},"$@1"]', expect: [400] },
  {
    label: "server reference",
    type: "text/plain;charset=UTF-8",
    body: '[{"a":"$F1"},"$K1"]',
    expect: [400],
  },
  {
    label: "deep nesting",
    type: "text/plain;charset=UTF-8",
    body: `[${"[".repeat(5000)}${"]".repeat(5000)},"$K1"]`,
    expect: [400],
  },
  { label: "JSON type", type: "application/json", body: "[{},{}]", expect: [400] },
  {
    label: "urlencoded",
    type: "application/x-www-form-urlencoded",
    body: "email=a%40b.c&password=x",
  },
  { label: "no type", body: "email=a", expect: [400] },
  { label: "multipart, empty", type: MULTIPART, body: "", expect: [400] },
  { label: "multipart, garbage", type: MULTIPART, body: "asdkjhaskjdh", expect: [400] },
  { label: "multipart, no boundary", type: "multipart/form-data", body: "a=b", expect: [400] },
  {
    label: "multipart, no root",
    type: MULTIPART,
    body: multipart(part("_1_email", "a@b.c")),
    expect: [400],
  },
  {
    label: "multipart, garbage root",
    type: MULTIPART,
    body: multipart(part("0", "garbage")),
    expect: [400],
  },
  {
    label: "multipart, unterminated",
    type: MULTIPART,
    body: part("0", '[{},"$K1"]'),
    expect: [400],
  },
  {
    label: "9 MB declared",
    type: MULTIPART,
    body: { repeat: "a", bytes: 9 * 1024 * 1024 },
    expect: [413],
  },
  {
    label: "12 MB chunked",
    type: MULTIPART,
    body: { repeat: "a", bytes: 12 * 1024 * 1024 },
    chunked: true,
    expect: [413],
  },
];

const ACTIONS: { family: string; page: string; id: string; as?: "editor" | "admin" }[] = [
  { family: "sign-in action", page: "/login", id: "{{ACTION_LOGIN}}" },
  { family: "forgot-password action", page: "/forgot-password", id: "{{ACTION_FORGOT}}" },
  { family: "arrangement action", page: "/workspace/new", id: "{{ACTION_SAVE}}", as: "editor" },
  { family: "import action", page: "/workspace/import", id: "{{ACTION_IMPORT}}", as: "editor" },
];

const bodies: CorpusEntry[] = ACTIONS.flatMap(({ family, page, id, as }) =>
  ACTION_BODIES.map(({ type, body, expect, chunked }) => ({
    family,
    method: "POST",
    target: page,
    headers: { "Next-Action": id, Origin: "{{ORIGIN}}", ...(type ? { "Content-Type": type } : {}) },
    body,
    chunked,
    as,
    expect,
  })),
);

/** Posts that are not JavaScript actions: no-JavaScript forms, replayed and damaged. */
const FORM_POSTS: Variant[] = [
  {
    body: multipart(
      part("$ACTION_REF_1", ""),
      part("$ACTION_1:0", "garbage"),
      part("$ACTION_KEY", "k1"),
    ),
  },
  { body: multipart(part("$ACTION_REF_1", ""), part("$ACTION_1:0", '{"id":"zz","bound":"$@1"}')) },
  { body: multipart(part("$ACTION_ID_zzzz", ""), part("email", "a@b.c")) },
  {
    body: multipart(
      part("$ACTION_ID_{{ACTION_LOGIN}}", ""),
      part("email", "%ff"),
      part("password", "\u0000"),
    ),
  },
  { body: { repeat: "a", bytes: 50 * 1024 * 1024 }, expect: [413] },
  { headers: { "Next-Action": "00aa", "Content-Type": "text/plain" }, body: "[]" },
  { headers: { "Next-Action": "%ff", "Content-Type": "text/plain" }, body: '[{},"$K1"]' },
  ...["http://evil.example", "null", "%ff", "http://127.0.0.1.evil.example"].map((origin) => ({
    headers: { "Next-Action": "{{ACTION_LOGIN}}", "Content-Type": "text/plain", Origin: origin },
    body: '[{},"$K1"]',
    expect: [403],
  })),
  {
    headers: { "Next-Action": "{{ACTION_SAVE}}", "Content-Type": "text/plain" },
    body: '[{},"$K1"]',
  },
];

const formPosts: CorpusEntry[] = FORM_POSTS.flatMap((entry) =>
  ["/login", "/arrangements", "/api/v1/arrangements", "/workspace/new"].map((target) => ({
    family: "form posts",
    method: "POST",
    target,
    headers: { "Content-Type": MULTIPART, ...entry.headers },
    body: entry.body,
    ...(target === "/workspace/new" ? { as: "editor" as const } : {}),
    // Known answers for pages; the API takes no posts and answers them itself (405).
    expect: target.startsWith("/api/") ? undefined : entry.expect,
  })),
);

export const MALFORMED_REQUESTS: CorpusEntry[] = [
  ...paths,
  ...recordPaths,
  ...queries,
  ...strangeNext,
  ...methods,
  ...headers,
  ...bodies,
  ...formPosts,
];
