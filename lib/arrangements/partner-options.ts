import "server-only";
import { and, asc, gte, isNull, lte, or } from "drizzle-orm";
import { db } from "@/db/client";
import { organisations } from "@/db/schema";

/* The organisations an editor can name as partners: those operating on a date. */

export type PartnerOption = {
  code: string;
  name: string;
  kind: "council" | "fire" | "police" | "health" | "other";
  region: string | null;
};

/** Organisations operating on a date (default today), by name: the partner combobox's options. */
export async function partnerOptions(asOfDate?: string | null): Promise<PartnerOption[]> {
  const date =
    asOfDate && /^\d{4}-\d{2}-\d{2}$/.test(asOfDate)
      ? asOfDate
      : new Date().toISOString().slice(0, 10);
  return db()
    .select({
      code: organisations.code,
      name: organisations.name,
      kind: organisations.kind,
      region: organisations.region,
    })
    .from(organisations)
    .where(activeOn(date))
    .orderBy(asc(organisations.name));
}

/** Organisations that existed on the date: started by then (or unknown) and not yet ended. */
export function activeOn(date: string) {
  return and(
    or(isNull(organisations.startDate), lte(organisations.startDate, date)),
    or(isNull(organisations.endDate), gte(organisations.endDate, date)),
  );
}
