import "server-only";
import type { ParseResult } from "@/lib/public/filters";
import { contentEtag, etagMatches } from "./http";

/*
 * The open-data API's HTTP conventions, in one place, for every route under app/api/v1:
 *
 * - read-only: GET and HEAD, plus OPTIONS for CORS preflights;
 * - CORS open to any origin (the data is public and no request carries credentials);
 * - errors are JSON `{ "status": 400, "message": "…" }` (with `errors` per parameter when
 *   the query string was at fault); bad input is a 4xx, never a 500;
 * - unknown query parameters are refused (400), so a typo never silently widens a result;
 * - responses may be kept by browsers and shared caches for a minute and are revalidated with
 *   an ETag after that. The data behind them (lib/cache/public-cache.ts) is dropped the moment a
 *   revision is approved, rejected or withdrawn, so a minute is the most any answer lags.
 */

export const API_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=60";

const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Expose-Headers": "ETag",
} as const;

export type ApiErrorBody = { status: number; message: string; errors?: Record<string, string> };

/** A JSON error answer. Errors are never cached: the same request may succeed a moment later. */
export function errorResponse(
  status: number,
  message: string,
  errors?: Record<string, string>,
): Response {
  const body: ApiErrorBody = errors ? { status, message, errors } : { status, message };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      ...CORS_HEADERS,
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
    },
  });
}

/** A JSON answer with the API's CORS and caching headers; 304 when the client's copy is current. */
export function jsonResponse(request: Request, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = `W/${contentEtag(text)}`;
  const headers = {
    ...CORS_HEADERS,
    "Cache-Control": API_CACHE_CONTROL,
    ETag: etag,
  };
  if (etagMatches(request, etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(text, {
    status: 200,
    headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
  });
}

/** The answer to a CORS preflight (and to a plain OPTIONS). */
export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      Allow: "GET, HEAD, OPTIONS",
      // Simple GETs need no preflight; these cover clients that send a header or two anyway.
      "Access-Control-Allow-Headers": "Accept, Content-Type, If-None-Match, Cache-Control",
      "Access-Control-Max-Age": "86400",
      "Cache-Control": "public, max-age=86400",
    },
  });
}

/** The query parameters of a request, or a 400 naming those the endpoint does not take. */
export function queryParameters(
  request: Request,
  allowed: readonly string[],
): { ok: true; search: URLSearchParams } | { ok: false; response: Response } {
  let search: URLSearchParams;
  try {
    search = new URL(request.url).searchParams;
  } catch {
    return { ok: false, response: errorResponse(400, "The request address is not valid") };
  }
  const unknown = [...new Set(search.keys())].filter((name) => !allowed.includes(name));
  if (unknown.length) {
    const list = unknown.map((name) => `"${name.slice(0, 40)}"`).join(", ");
    const takes = allowed.length
      ? `It takes ${allowed.join(", ")}.`
      : "It takes no query parameters.";
    return {
      ok: false,
      response: errorResponse(
        400,
        `This endpoint does not take the parameter${unknown.length > 1 ? "s" : ""} ${list}. ${takes}`,
        Object.fromEntries(unknown.map((name) => [name.slice(0, 40), "Unknown parameter"])),
      ),
    };
  }
  return { ok: true, search };
}

/**
 * Wraps a GET handler: anything it throws becomes a JSON 500 (logged here), so even a failure
 * answers in the documented shape. Bad input never gets this far: handlers answer it with 400.
 */
export function apiHandler<C>(
  handler: (request: Request, context: C) => Promise<Response>,
): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      console.error("API request failed", request.url, error);
      return errorResponse(500, "Something went wrong on our side. Please try again later.");
    }
  };
}

/**
 * A list endpoint: refuse unknown parameters, parse the rest with the site's own parser (400
 * with a message per parameter), read, and answer the JSON.
 */
export function listEndpoint<Q, R>(endpoint: {
  params: readonly string[];
  parse: (search: URLSearchParams) => ParseResult<Q>;
  read: (query: Q) => Promise<R>;
  json: (result: R, query: Q) => unknown;
}): (request: Request, context?: unknown) => Promise<Response> {
  return apiHandler(async (request: Request) => {
    const params = queryParameters(request, endpoint.params);
    if (!params.ok) return params.response;
    const parsed = endpoint.parse(params.search);
    if (!parsed.ok) return errorResponse(400, parsed.message, parsed.errors);
    return jsonResponse(request, endpoint.json(await endpoint.read(parsed.value), parsed.value));
  });
}

/** A permanent redirect (308) to the canonical address of what was asked for, under CORS. */
export function redirectResponse(request: Request, path: string): Response {
  return new Response(null, {
    status: 308,
    headers: {
      ...CORS_HEADERS,
      Location: new URL(path, request.url).toString(),
      "Cache-Control": API_CACHE_CONTROL,
    },
  });
}
