import "server-only";
import { inArray, or, sql as raw } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { arrangements } from "@/db/schema";
import type { DraftInput } from "./schema";

/*
 * Pieces the editor's commands, the CSV import and the organisations' commands share.
 */

export function slugify(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return base || "arrangement";
}

/** Free slugs for many titles at once: each title's slug, or the first free "slug-2"… */
export async function freeSlugs(tx: Tx, titles: string[]): Promise<string[]> {
  const bases = titles.map(slugify);
  const unique = [...new Set(bases)];
  const taken = new Set<string>();
  for (const part of chunks(unique, 1000)) {
    const found = await tx
      .select({ slug: arrangements.slug })
      .from(arrangements)
      .where(
        or(
          inArray(arrangements.slug, part),
          raw`${arrangements.slug} like any (array[${raw.join(
            part.map((b) => raw`${`${b}-%`}`),
            raw`, `,
          )}])`,
        ),
      );
    for (const r of found) taken.add(r.slug);
  }
  return bases.map((base) => {
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  });
}

export function chunks<T>(items: T[], size = 2000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** What an audit event records of an arrangement's content (money as strings: JSON has no bigint). */
export function auditContent(input: DraftInput, version: number) {
  return {
    version,
    title: input.title,
    mainCategory: input.mainCategory,
    furtherCategories: input.furtherCategories,
    stage: input.stage,
    startDate: input.startDate,
    endDate: input.endDate,
    partners: input.partners,
    savings: input.savings.map((s) => ({ ...s, amountPence: s.amountPence.toString() })),
    noSavingsReason: input.noSavingsReason,
    benefits: input.benefits,
  };
}
