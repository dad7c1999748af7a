import "server-only";

import { createHash } from "node:crypto";
import {
  downloadQueryToParams,
  filtersToParams,
  parseDownloadQuery,
  type DownloadQuery,
  type PublishedFilters,
  type Sort,
} from "@/lib/public/filters";
import { BOM, CSV_CONTENT_TYPE } from "@/lib/csv/writer";
import { csvHeaderLine, csvRecords, jsonRecord, toJson } from "./encode";
import { attachment, etagMatches, notModified, OPEN_CORS, REVALIDATE_EVERY_TIME } from "./http";
import { LICENCE } from "./licence";
import {
  arrangementChunk,
  arrangementsWithIds,
  CHUNK_ROWS,
  orderedArrangementIds,
  registerVersion,
  savingsChunk,
  type SavingsKey,
} from "./queries";
import {
  ARRANGEMENT_FIELDS,
  SAVINGS_FIELDS,
  type ArrangementRecord,
  type Field,
  type SavingsRecord,
} from "./schema";

/*
 * The open data downloads (/data/arrangements.csv|json, /data/savings.csv|json), streamed from
 * the database chunk by chunk (lib/open-data/queries.ts) as the client reads them, so memory
 * stays flat however large the register grows.
 *
 * Caching: a download is never stored whole by the server. Its response says
 * `Cache-Control: public, no-cache` with an ETag built from the register's version
 * (`registerVersion`): browsers and proxies may keep a copy but must ask again each time, and
 * get 304 Not Modified (no body, no chunk queries) until an approval, rejection or withdrawal
 * changes the version. So a download is never staler than the database, and it can only hold
 * approved revisions (every chunk query starts from publishedArrangements). No session is read.
 *
 * The explorer's filters (lib/public/filters.ts parseFilters) narrow a download, and its `sort`
 * puts the arrangements file in the explorer's order, so the explorer's "these results as CSV"
 * link gives exactly its results, in its order; a malformed filter answers 400, never 500.
 */

export type OpenDataFile = "arrangements" | "savings";
export type OpenDataFormat = "csv" | "json";

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** Hands over the next chunk of records each time it is called; `done` after the last. */
type Cursor<Row> = () => Promise<{ rows: Row[]; done: boolean }>;

type Source<Row, Key> = {
  fields: readonly Field<Row>[];
  next: (filters: PublishedFilters, after: Key | null, limit: number) => Promise<Row[]>;
  keyOf: (row: Row) => Key;
};

const SOURCES: {
  arrangements: Source<ArrangementRecord, number>;
  savings: Source<SavingsRecord, SavingsKey>;
} = {
  arrangements: {
    fields: ARRANGEMENT_FIELDS,
    next: (filters, after, limit) => arrangementChunk(filters, after, limit),
    keyOf: (row) => row.arrangement_id,
  },
  savings: {
    fields: SAVINGS_FIELDS,
    next: (filters, after, limit) => savingsChunk(filters, after, limit),
    keyOf: (row) => ({ arrangementId: row.arrangement_id, financialYear: row.financial_year }),
  },
};

/** The register's order: each chunk starts after the last key of the one before. */
function keysetCursor<Row, Key>(
  source: Source<Row, Key>,
  filters: PublishedFilters,
  chunkRows: number,
): Cursor<Row> {
  let after: Key | null = null;
  return async () => {
    const rows = await source.next(filters, after, chunkRows);
    const last = rows[rows.length - 1];
    if (last !== undefined) after = source.keyOf(last);
    return { rows, done: rows.length < chunkRows };
  };
}

/** The explorer's order: the ids in order first (one short query), then their records. */
function explorerOrderCursor(
  filters: PublishedFilters,
  sort: Sort,
  chunkRows: number,
): Cursor<ArrangementRecord> {
  let ids: number[] | null = null;
  let position = 0;
  return async () => {
    ids ??= await orderedArrangementIds(filters, sort);
    const chunk = ids.slice(position, position + chunkRows);
    position += chunk.length;
    const rows = chunk.length ? await arrangementsWithIds(filters, chunk) : [];
    return { rows, done: position >= ids.length };
  };
}

function cursorFor(file: OpenDataFile, query: DownloadQuery, chunkRows: number): Cursor<unknown> {
  if (file === "arrangements" && query.sort) {
    return explorerOrderCursor(query.filters, query.sort, chunkRows) as Cursor<unknown>;
  }
  return keysetCursor(SOURCES[file] as Source<unknown, unknown>, query.filters, chunkRows);
}

/** Pulls one chunk each time the reader wants more: `head`, the records, then `tail`. */
function chunkedStream<Row>(
  nextChunk: Cursor<Row>,
  parts: { head: string; tail: string; encode: (rows: Row[], first: boolean) => string },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(parts.head));
    },
    async pull(controller) {
      try {
        const { rows, done } = await nextChunk();
        if (rows.length > 0) {
          controller.enqueue(encoder.encode(parts.encode(rows, first)));
          first = false;
        }
        if (done) {
          controller.enqueue(encoder.encode(parts.tail));
          controller.close();
        }
      } catch (error) {
        // Headers are gone already: the client sees a cut-off file, and the log says why.
        console.error("open data download failed part-way", error);
        try {
          controller.error(error);
        } catch {
          // The reader has gone already.
        }
      }
    },
  });
}

function body(file: OpenDataFile, format: OpenDataFormat, query: DownloadQuery, chunkRows: number) {
  const fields = SOURCES[file].fields as readonly Field<unknown>[];
  const cursor = cursorFor(file, query, chunkRows);
  if (format === "csv") {
    return chunkedStream(cursor, {
      head: BOM + csvHeaderLine(fields),
      tail: "",
      encode: (rows) => csvRecords(fields, rows),
    });
  }
  const meta = toJson({
    licence: LICENCE.name,
    licence_url: LICENCE.url,
    attribution: LICENCE.attribution,
    third_party: LICENCE.thirdParty,
    documentation: "/data",
    filters: Object.fromEntries(filtersToParams(query.filters)),
    sort: file === "arrangements" ? query.sort : undefined,
  });
  return chunkedStream(cursor, {
    // The metadata object, opened up to take the records' array as its last member.
    head: `${meta.slice(0, -1)},${JSON.stringify(file)}:[`,
    tail: "\n]}\n",
    encode: (rows, first) =>
      (first ? "\n" : ",\n") + rows.map((row) => jsonRecord(fields, row)).join(",\n"),
  });
}

function badRequest(format: OpenDataFormat, message: string): Response {
  const headers = { ...OPEN_CORS, "Cache-Control": "no-store" };
  if (format === "json") {
    return Response.json({ status: 400, message }, { status: 400, headers });
  }
  return new Response(`${message}\n`, {
    status: 400,
    headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** The response for one download, or 400 for malformed filters, or 304 if the copy is current. */
export async function downloadResponse(
  request: Request,
  file: OpenDataFile,
  format: OpenDataFormat,
  options: { chunkRows?: number } = {},
): Promise<Response> {
  const parsed = parseDownloadQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return badRequest(format, parsed.message);
  // The savings file keeps the register's order: its lines follow their arrangements by id.
  const wanted: DownloadQuery =
    file === "arrangements" ? parsed.value : { filters: parsed.value.filters };
  const query = downloadQueryToParams(wanted).toString();
  const filtered = filtersToParams(wanted.filters).size > 0;

  const version = await registerVersion();
  const digest = createHash("sha256").update(`${file}.${format}?${query}`).digest("base64url");
  const etag = `W/"${version}-${digest.slice(0, 16)}"`;
  const headers: Record<string, string> = {
    "Cache-Control": REVALIDATE_EVERY_TIME,
    ETag: etag,
    ...OPEN_CORS,
  };
  if (etagMatches(request, etag)) return notModified(headers);

  const name = filtered ? `${file}-filtered.${format}` : `${file}.${format}`;
  return new Response(body(file, format, wanted, options.chunkRows ?? CHUNK_ROWS), {
    headers: {
      ...headers,
      "Content-Type": format === "csv" ? CSV_CONTENT_TYPE : JSON_CONTENT_TYPE,
      "Content-Disposition": attachment(name),
    },
  });
}
