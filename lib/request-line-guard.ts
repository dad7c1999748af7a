import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { contentSecurityPolicy } from "@/lib/csp";
import { plainPageHtml } from "@/lib/plain-page";

/**
 * Request lines Next.js cannot handle, refused at the server before it tries (issue 13, item 4):
 *
 * - a method other than GET, HEAD, POST and OPTIONS: 405 with Allow. Next.js builds a fetch
 *   Request for the proxy, which refuses TRACE outright (a 500), and it renders pages for PATCH
 *   or PROPFIND;
 * - a request-target that is not a path (`GET *`, `GET http://other.example/`): 400. Next.js
 *   fails on the first with a 500.
 *
 * The first time a server publishes a request on Node's `http.server.request.start` channel
 * (just before it emits the request), its request listeners are put behind this check, so it
 * holds from that very request on. Started once per process from instrumentation.ts.
 */

export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "OPTIONS"];
const ALLOW = ALLOWED_METHODS.join(", ");
const GUARDED = Symbol.for("ssm.request-line-guard");

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

function answer(res: ServerResponse, status: number, api: boolean, title: string, text: string) {
  res.writeHead(status, {
    ...(status === 405 ? { allow: ALLOW } : {}),
    "cache-control": "no-store",
    "content-security-policy": contentSecurityPolicy(),
    "content-type": api ? "application/json" : "text/html; charset=utf-8",
  });
  res.end(
    api ? JSON.stringify({ status, message: text }) : plainPageHtml({ title, paragraphs: [text] }),
  );
}

/** The refusal a request line gets, or false when Next.js may have it. */
export function refuseRequestLine(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "";
  const api = url.startsWith("/api/");
  if (!url.startsWith("/")) {
    answer(
      res,
      400,
      api,
      "Sorry, that address is not valid",
      "The request must name a page of this site.",
    );
    return true;
  }
  if (!ALLOWED_METHODS.includes(req.method ?? "")) {
    const text = `The method ${req.method} is not allowed here. Use ${ALLOW}.`;
    answer(res, 405, api, "Sorry, that request is not allowed", text);
    return true;
  }
  return false;
}

function guard(server: Server & { [GUARDED]?: true }) {
  if (server[GUARDED]) return;
  server[GUARDED] = true;
  const listeners = server.listeners("request") as Listener[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (refuseRequestLine(req, res)) return;
    for (const listener of listeners) listener.call(server, req, res);
  });
}

let started = false;
export function guardRequestLines(): void {
  if (started) return;
  started = true;
  subscribe("http.server.request.start", (message) =>
    guard((message as { server: Server }).server),
  );
}
