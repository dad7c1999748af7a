import "server-only";
import { asc, eq } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { editions, users } from "@/db/schema";
import { cachedPublic } from "@/lib/cache/public-cache";
import { instantToLondon } from "@/lib/editions/london-time";
import { registerFigures, type RegisterFigures } from "@/lib/public/register";

/*
 * Editions: named moments whose figures are the register as it stood then, computed from the
 * approval history (reviewed_at / superseded_at) by the register's rule for successors
 * (register_standing(day, moment): lib/public/register.ts). Nothing is copied when an edition is
 * named, and a later approval (stamped after the moment: lib/review/publication-lock.ts) cannot
 * change it.
 */

/** An edition's figures: the register's on the edition's London day, read at its moment. */
export type EditionFigures = RegisterFigures;

export type EditionWithFigures = {
  id: number;
  name: string;
  description: string;
  asOf: Date;
  createdAt: Date;
  createdByName: string | null;
  figures: EditionFigures;
};

/**
 * The register's headline figures as they stood at `asOf`, by the rule (lib/public/register.ts):
 * the revisions public at that moment, their partners and standings on its London day, so an
 * arrangement whose partners had all become one council by then counts as internal.
 */
export function figuresAsOf(asOf: Date, reader: DbOrTx = db()): Promise<EditionFigures> {
  return registerFigures(instantToLondon(asOf).date, reader, asOf);
}

async function editionsQuery(): Promise<EditionWithFigures[]> {
  const rows = await db()
    .select({
      id: editions.id,
      name: editions.name,
      description: editions.description,
      asOf: editions.asOf,
      createdAt: editions.createdAt,
      createdByName: users.name,
    })
    .from(editions)
    .leftJoin(users, eq(users.id, editions.createdById))
    .orderBy(asc(editions.asOf), asc(editions.id));
  // A handful of editions, each read by the rule's functions (a few tens of milliseconds each):
  // side by side, so the page waits for the slowest rather than for them all in turn.
  return Promise.all(rows.map(async (row) => ({ ...row, figures: await figuresAsOf(row.asOf) })));
}

/** Every edition with its figures, oldest first (cached under the public tag). */
export const getEditions = cachedPublic("editions", editionsQuery);
