import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { checkedRows } from "@/db/checked-rows";
import type { DbOrTx } from "@/db/client";
import { formatLongDate } from "@/lib/format/dates";
import { nameKey } from "./directory";
import type { ImportRow } from "./rows";

/*
 * "Did you mean …" for partner names no organisation answers to: the closest organisations by
 * PostgreSQL's trigram similarity (pg_trgm, migration 0013). The score is the mean of the
 * similarity of the whole names and of the names without their generic words ("City Council",
 * "Borough", "CC"), against the official or short name: on whole names alone "Nowhere Council"
 * resembles every "… Council", on stripped names alone a misspelt "Exter City Counci" scores
 * below an unrelated "Dorset Council". The preview offers them as a choice per name; the choice
 * comes back with "Import" as a match.
 */

/** How many names in one file get suggestions, and how many each. */
const MAX_NAMES = 50;
const PER_NAME = 3;
/** pg_trgm's own default threshold for "similar". */
const THRESHOLD = 0.3;
/** Words every council's name shares, with common abbreviations and misspellings. */
const GENERIC =
  "council|counci|concil|councl|city|county|borough|district|metropolitan|of|the|and|cc|dc|bc|mbc";

/** The name in lower case without its generic words. */
function stripped(name: SQL): SQL {
  return sql`btrim(regexp_replace(regexp_replace(lower(${name}), ${`\\m(${GENERIC})\\M`}, ' ', 'g'), '\\s+', ' ', 'g'))`;
}

export type Suggestion = { code: string; name: string; label: string };
export type UnmatchedName = {
  /** The entry as written in the file (its first spelling). */
  entry: string;
  /** The entry as compared (./directory.ts nameKey): what a match is keyed by. */
  key: string;
  rows: number[];
  options: Suggestion[];
};

const suggestionRow = z
  .object({
    entry: z.string(),
    code: z.string(),
    name: z.string(),
    end_date: z.string().nullable(),
  })
  .transform((r) => ({
    entry: r.entry,
    code: r.code,
    name: r.name,
    label: `${r.name} (${r.code}${r.end_date ? `, until ${formatLongDate(r.end_date)}` : ""})`,
  }));

/** Each entry's closest organisations (never the lead), best first; entries with none are left out. */
export async function suggestOrganisations(
  reader: DbOrTx,
  entries: string[],
  leadOrganisationId: number,
): Promise<Map<string, Suggestion[]>> {
  const out = new Map<string, Suggestion[]>();
  if (entries.length === 0) return out;
  const list = sql.join(
    entries.map((e) => sql`${e}`),
    sql`, `,
  );
  const rows = await checkedRows(
    reader,
    suggestionRow,
    sql`
      SELECT q.entry, o.code, o.name, o.end_date::text AS end_date
      FROM unnest(ARRAY[${list}]::text[]) AS q(entry)
      CROSS JOIN LATERAL (
        SELECT code, name, end_date,
          (similarity(name, q.entry) + greatest(
            similarity(${stripped(sql`name`)}, ${stripped(sql`q.entry`)}),
            similarity(short_name, ${stripped(sql`q.entry`)})
          )) / 2 AS score
        FROM organisations
        WHERE id <> ${leadOrganisationId}
        ORDER BY score DESC, end_date DESC NULLS FIRST, name
        LIMIT ${PER_NAME}
      ) o
      WHERE o.score >= ${THRESHOLD}
      ORDER BY q.entry, o.score DESC, o.end_date DESC NULLS FIRST, o.name`,
  );
  for (const { entry, ...suggestion } of rows)
    out.set(entry, [...(out.get(entry) ?? []), suggestion]);
  return out;
}

/** The file's unmatched partner names with suggestions, each error saying what was found. */
export async function unmatchedNames(
  reader: DbOrTx,
  rows: ImportRow[],
  leadOrganisationId: number,
): Promise<UnmatchedName[]> {
  const byKey = new Map<string, { entry: string; rows: number[] }>();
  for (const row of rows)
    for (const e of row.errors) {
      if (!e.unmatched) continue;
      const key = nameKey(e.unmatched);
      const seen = byKey.get(key);
      if (seen) seen.rows.push(row.rowNumber);
      else if (byKey.size < MAX_NAMES)
        byKey.set(key, { entry: e.unmatched, rows: [row.rowNumber] });
    }
  const suggestions = await suggestOrganisations(
    reader,
    [...byKey.values()].map((v) => v.entry),
    leadOrganisationId,
  );
  const names: UnmatchedName[] = [];
  for (const [key, { entry, rows: rowNumbers }] of byKey) {
    const options = suggestions.get(entry);
    if (options?.length) names.push({ entry, key, rows: [...new Set(rowNumbers)], options });
  }
  // Each error says what was found, so the problem list reads on its own.
  const found = new Map(names.map((n) => [n.key, n.options]));
  for (const row of rows)
    for (const e of row.errors) {
      const options = e.unmatched ? found.get(nameKey(e.unmatched)) : undefined;
      if (options)
        e.message += `. Did you mean ${options.map((o) => o.name).join(" or ")}? Choose below.`;
    }
  return names;
}
