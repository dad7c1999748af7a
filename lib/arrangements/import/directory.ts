import "server-only";
import type { DbOrTx } from "@/db/client";
import { organisations } from "@/db/schema";
import { today } from "@/lib/clock";
import { hiddenCharacterProblem, nfc } from "@/lib/content-rules";
import { lifetimeProblem } from "../lifetime";

/*
 * Partners as a spreadsheet names them: by GSS code, organisation code or exact name. A name
 * shared by several organisations (a council and its successor) resolves to the one operating
 * on the start date; if that is still ambiguous, the row must use the code. Whoever is named
 * must have existed when the arrangement started (../lifetime.ts), the lead too.
 */

type Org = {
  id: number;
  code: string;
  name: string;
  startDate: string | null;
  endDate: string | null;
};

function activeOnDate(org: Org, date: string | null): boolean {
  if (!date) return org.endDate === null;
  return (!org.startDate || org.startDate <= date) && (!org.endDate || org.endDate >= date);
}

export type Directory = {
  byCode: Map<string, Org>;
  byName: Map<string, Org[]>;
  byId: Map<number, Org>;
};

function isoDateOrNull(text: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
}

export async function loadDirectory(reader: DbOrTx): Promise<Directory> {
  const all = await reader
    .select({
      id: organisations.id,
      code: organisations.code,
      gssCode: organisations.gssCode,
      name: organisations.name,
      startDate: organisations.startDate,
      endDate: organisations.endDate,
    })
    .from(organisations);
  const byCode = new Map<string, Org>();
  const byName = new Map<string, Org[]>();
  const byId = new Map<number, Org>();
  for (const o of all) {
    byId.set(o.id, o);
    byCode.set(o.code.toLowerCase(), o);
    if (o.gssCode) byCode.set(o.gssCode.toLowerCase(), o);
    const key = nfc(o.name.trim().toLowerCase());
    byName.set(key, [...(byName.get(key) ?? []), o]);
  }
  return { byCode, byName, byId };
}

/** A partner cell's entries → organisation codes, with an error for each one not found. */
export function resolvePartners(
  entries: string[],
  startDate: string,
  directory: Directory,
  leadOrganisationId: number,
): { codes: string[]; errors: string[] } {
  const codes: string[] = [];
  const errors: string[] = [];
  const date = isoDateOrNull(startDate);
  for (const entry of entries) {
    const key = nfc(entry.trim().toLowerCase());
    if (!key) continue;
    const hidden = hiddenCharacterProblem("Partners", entry);
    if (hidden) {
      errors.push(hidden);
      continue;
    }
    let org = directory.byCode.get(key);
    if (!org) {
      const named = directory.byName.get(key.replace(/\s+/g, " ")) ?? [];
      const active = named.filter((o) => activeOnDate(o, date));
      const candidates = active.length ? active : named;
      if (candidates.length > 1) {
        errors.push(`More than one organisation is called “${entry.trim()}”: use its GSS code`);
        continue;
      }
      org = candidates[0];
    }
    if (!org) {
      errors.push(`No organisation has the GSS code or name “${entry.trim()}”`);
      continue;
    }
    if (org.id === leadOrganisationId) {
      errors.push("Your own organisation is the lead: list only the other partners");
      continue;
    }
    const problem = lifetimeProblem(org, { startDate: date }, today());
    if (problem) {
      errors.push(problem);
      continue;
    }
    codes.push(org.code);
  }
  return { codes, errors };
}

/** Why the importing organisation (the lead) cannot lead an arrangement starting then, or null. */
export function leadLifetimeProblem(
  directory: Directory,
  leadOrganisationId: number,
  startDate: string,
): string | null {
  const lead = directory.byId.get(leadOrganisationId);
  return lead ? lifetimeProblem(lead, { startDate: isoDateOrNull(startDate) }, today()) : null;
}
