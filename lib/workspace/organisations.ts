import "server-only";
import { eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { organisations } from "@/db/schema";

/*
 * Small reads the workspace pages need beside lib/arrangements: the names behind organisation
 * codes (a preview lists partners by name, including ones no longer operating) and the
 * editor's own organisation (the fixed lead on a new arrangement).
 */

export async function organisationNames(codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db()
    .select({ code: organisations.code, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.code, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function organisationById(
  id: number,
): Promise<{ id: number; code: string; name: string } | null> {
  const [row] = await db()
    .select({ id: organisations.id, code: organisations.code, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row ?? null;
}
