import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/*
 * GOV.UK Notify's habit: a test that walks every entry point and fails if one skips the
 * access layer. Entry points are server actions ("use server" modules), route handlers and
 * pages in signed-in areas. A new file that forgets the check fails here, not in production.
 */

const APP = path.join(process.cwd(), "app");
const ACTION_WRAPPERS = new Set(["publicAction", "userAction", "adminAction"]);
const ACCESS_CHECKS = /\b(requireUser|requireAdmin|requireOrganisationMember)\s*\(/;
const SIGNED_IN_AREAS = ["account", "admin", "workspace"];
const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

/** Route handlers that are public on purpose, and why. */
const PUBLIC_ROUTES: Record<string, string> = {
  "api/health/route.ts": "load balancer health check: says only whether the database answers",
  "ping/route.ts": "a static 'ok' for readiness checks and the benchmark's baseline",
  "api/session/route.ts":
    "tells the caller who their own cookie signs them in as (or nobody), for the header's links",
  "api/auth/[...nextauth]/route.ts":
    "next-auth's OpenID Connect endpoints; every sign-in is checked in lib/auth/next-auth.ts",
  "data/arrangements.csv/route.ts":
    "open data download (GET only): published arrangements, read through publishedArrangements",
  "data/arrangements.json/route.ts":
    "open data download (GET only): published arrangements, read through publishedArrangements",
  "data/savings.csv/route.ts":
    "open data download (GET only): savings lines of published arrangements only",
  "data/savings.json/route.ts":
    "open data download (GET only): savings lines of published arrangements only",
  "data/dashboard/[file]/route.ts":
    "the public dashboard's chart tables as CSV (GET only), from published figures",
  "compare.csv/route.ts":
    "the public compare page's tables as CSV (GET only), from published figures",
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const files = walk(APP).filter((f) => /\.(ts|tsx)$/.test(f));
const rel = (f: string) => path.relative(APP, f).split(path.sep).join("/");
const source = (f: string) =>
  ts.createSourceFile(f, readFileSync(f, "utf8"), ts.ScriptTarget.Latest, true);

function hasUseServerDirective(sf: ts.SourceFile): boolean {
  const first = sf.statements[0];
  return (
    !!first &&
    ts.isExpressionStatement(first) &&
    ts.isStringLiteral(first.expression) &&
    first.expression.text === "use server"
  );
}

function isExported(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  );
}

/** Names exported by a module, with the expression each is initialised from (if a const). */
function exportsOf(sf: ts.SourceFile): { name: string; init?: ts.Expression; node: ts.Node }[] {
  const out: { name: string; init?: ts.Expression; node: ts.Node }[] = [];
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st) && isExported(st)) {
      for (const d of st.declarationList.declarations) {
        out.push({ name: d.name.getText(sf), init: d.initializer, node: d });
      }
    } else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && isExported(st)) {
      out.push({ name: st.name?.getText(sf) ?? "default", node: st });
    } else if (
      ts.isExportDeclaration(st) &&
      st.exportClause &&
      ts.isNamedExports(st.exportClause)
    ) {
      for (const el of st.exportClause.elements) {
        out.push({ name: el.name.text, node: el });
      }
    }
  }
  return out;
}

/** Every "use server" directive inside a function body: inline actions dodge the wrappers. */
function inlineUseServer(sf: ts.SourceFile): number {
  let count = 0;
  const visit = (node: ts.Node) => {
    if (ts.isBlock(node) && node.parent && ts.isFunctionLike(node.parent)) {
      const first = node.statements[0];
      if (
        first &&
        ts.isExpressionStatement(first) &&
        ts.isStringLiteral(first.expression) &&
        first.expression.text === "use server"
      ) {
        count++;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return count;
}

/** Exports of a "use server" module not made by an access wrapper. */
function unwrappedActions(sf: ts.SourceFile): string[] {
  return exportsOf(sf)
    .filter((e) => {
      const callee =
        e.init && ts.isCallExpression(e.init) && ts.isIdentifier(e.init.expression)
          ? e.init.expression.text
          : null;
      return callee === null || !ACTION_WRAPPERS.has(callee);
    })
    .map((e) => e.name);
}

describe("the checker itself", () => {
  const fake = (text: string) => ts.createSourceFile("x.ts", text, ts.ScriptTarget.Latest, true);
  it("flags actions that skip the wrappers, and inline 'use server'", () => {
    const sf = fake(`"use server";
      export async function bare(formData: FormData) {}
      export const arrow = async () => {};
      export const wrapped = adminAction(schema, async () => {});
      const hidden = async () => {}; export { hidden };`);
    expect(unwrappedActions(sf)).toEqual(["bare", "arrow", "hidden"]);
    expect(
      inlineUseServer(fake(`export function C() { async function a() { "use server"; } }`)),
    ).toBe(1);
  });
});

describe("every entry point goes through the access layer", () => {
  const actionModules = files.filter((f) => hasUseServerDirective(source(f)));

  it("finds the entry points it checks (the walk itself works)", () => {
    expect(actionModules.length).toBeGreaterThan(0);
    expect(files.some((f) => rel(f).endsWith("route.ts"))).toBe(true);
  });

  it.each(actionModules.map(rel))("server actions in %s are made by the access wrappers", (r) => {
    expect(
      unwrappedActions(source(path.join(APP, r))),
      `${r}: exports must be created with publicAction/userAction/adminAction`,
    ).toEqual([]);
  });

  it("has no inline 'use server' functions anywhere in app/ or components/", () => {
    const all = [...files, ...walk(path.join(process.cwd(), "components"))].filter((f) =>
      /\.(ts|tsx)$/.test(f),
    );
    const offenders = all.filter((f) => inlineUseServer(source(f)) > 0);
    expect(offenders.map((f) => path.relative(process.cwd(), f))).toEqual([]);
  });

  const routes = files.filter((f) => /(^|\/)route\.ts$/.test(rel(f)));
  it.each(routes.map(rel))("route handler %s checks access or is public on purpose", (r) => {
    const text = readFileSync(path.join(APP, r), "utf8");
    const methods = exportsOf(source(path.join(APP, r))).filter((e) => HTTP_METHODS.has(e.name));
    expect(methods.length, `${r} exports no HTTP method`).toBeGreaterThan(0);
    if (PUBLIC_ROUTES[r]) return;
    // Public open-data API: read-only by construction (GET/HEAD/OPTIONS only).
    if (r.startsWith("api/v1/")) {
      expect(methods.every((m) => ["GET", "HEAD", "OPTIONS"].includes(m.name))).toBe(true);
      return;
    }
    expect(ACCESS_CHECKS.test(text), `${r} must call requireUser/requireAdmin/...`).toBe(true);
  });

  const protectedPages = files.filter((f) => {
    const r = rel(f);
    return /(^|\/)page\.tsx$/.test(r) && SIGNED_IN_AREAS.some((a) => r.startsWith(`${a}/`));
  });
  it.each(protectedPages.map(rel))("signed-in page %s checks who is asking", (r) => {
    expect(ACCESS_CHECKS.test(readFileSync(path.join(APP, r), "utf8"))).toBe(true);
  });
});
