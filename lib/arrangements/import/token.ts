import "server-only";
import { createHash, createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import type { CurrentUser } from "@/lib/auth/access";
import { env } from "@/lib/env";
import { IMPORT_MAX_BYTES } from "./file";
import type { ImportParseResult } from "./parse";

/*
 * Between preview and import the file travels as a signed token (HMAC with NEXTAUTH_SECRET,
 * bound to the user, expiring), never trusted: the import re-reads and re-validates it.
 */

/** How long a previewed file may wait for "Import". */
export const IMPORT_TOKEN_TTL_MS = 2 * 60 * 60 * 1000;

type TokenPayload = {
  /** The import's id: audit trail entity and idempotency key prefix. */
  id: string;
  userId: number;
  organisationId: number;
  fileName: string;
  issuedAt: number;
  /** The rows that were valid in the preview the user confirmed. */
  validRows: number[];
  /** Rows the officer may make valid by choosing a suggested partner. */
  matchableRows?: number[];
  /** The file, gzipped, base64url. */
  file: string;
};

function signingKey(): Buffer {
  return createHash("sha256").update(`csv-import:${env().NEXTAUTH_SECRET}`).digest();
}

function mac(body: string): string {
  return createHmac("sha256", signingKey()).update(body).digest("base64url");
}

/** The previewed file, signed for this user, to send back with "Import". */
export function signImport(
  user: CurrentUser,
  file: { bytes: Uint8Array; name: string },
  parsed: ImportParseResult,
  now: number = Date.now(),
): string {
  const payload: TokenPayload = {
    id: randomUUID(),
    userId: user.id,
    organisationId: user.organisationId ?? 0,
    fileName: file.name.slice(0, 200),
    issuedAt: now,
    validRows: parsed.rows.filter((r) => r.errors.length === 0).map((r) => r.rowNumber),
    matchableRows: parsed.matchableRows,
    file: gzipSync(file.bytes).toString("base64url"),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(body)}`;
}

export type OpenedImport = {
  id: string;
  fileName: string;
  validRows: number[];
  matchableRows: number[];
  bytes: Uint8Array;
};

/** The signed file back, or null if the token was altered, expired or is someone else's. */
export function openImport(
  token: string,
  user: CurrentUser,
  now: number = Date.now(),
): OpenedImport | null {
  const [body, signature, ...rest] = token.split(".");
  if (!body || !signature || rest.length) return null;
  const expected = Buffer.from(mac(body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as TokenPayload;
    if (payload.userId !== user.id || payload.organisationId !== (user.organisationId ?? 0))
      return null;
    if (!(now - payload.issuedAt <= IMPORT_TOKEN_TTL_MS)) return null;
    const bytes = gunzipSync(Buffer.from(payload.file, "base64url"), {
      maxOutputLength: IMPORT_MAX_BYTES + 1,
    });
    return {
      id: payload.id,
      fileName: payload.fileName,
      validRows: payload.validRows,
      matchableRows: payload.matchableRows ?? [],
      bytes: new Uint8Array(bytes),
    };
  } catch {
    return null;
  }
}
