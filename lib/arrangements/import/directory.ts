import "server-only";
import type { DbOrTx } from "@/db/client";
import { organisations } from "@/db/schema";
import { today } from "@/lib/clock";
import { hiddenCharacterProblem, nfc } from "@/lib/content-rules";
import { lifetimeProblem } from "../lifetime";

/*
 * Partners as a spreadsheet names them: by GSS code (current or former), organisation code,
 * official name, short name ("Exeter") or "<short name> Council" ("Exeter Council"), compared
 * without case, punctuation or "&"/"and" differences. A name shared by several organisations (a
 * council and its successor) resolves to the one operating on the start date; if that is still
 * ambiguous, the row must use the code. An entry nothing answers to may have been matched by
 * the officer in the preview (./suggestions.ts). Whoever is named must have existed when the
 * arrangement started (../lifetime.ts), the lead too.
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
  /** Official names. */
  byName: Map<string, Org[]>;
  /** Short names, and short names followed by "council". */
  byAlias: Map<string, Org[]>;
  byId: Map<number, Org>;
};

/** How a name is compared: case, accents' encoding, punctuation, "&" and spacing set aside. */
export function nameKey(text: string): string {
  return nfc(text)
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[.,'’()]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function add(map: Map<string, Org[]>, key: string, org: Org): void {
  const list = map.get(key) ?? [];
  if (!list.includes(org)) map.set(key, [...list, org]);
}

function isoDateOrNull(text: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
}

export async function loadDirectory(reader: DbOrTx): Promise<Directory> {
  const all = await reader
    .select({
      id: organisations.id,
      code: organisations.code,
      gssCode: organisations.gssCode,
      formerGssCodes: organisations.formerGssCodes,
      name: organisations.name,
      shortName: organisations.shortName,
      startDate: organisations.startDate,
      endDate: organisations.endDate,
    })
    .from(organisations);
  const byCode = new Map<string, Org>();
  const byName = new Map<string, Org[]>();
  const byAlias = new Map<string, Org[]>();
  const byId = new Map<number, Org>();
  for (const o of all) {
    byId.set(o.id, o);
    byCode.set(o.code.toLowerCase(), o);
    if (o.gssCode) byCode.set(o.gssCode.toLowerCase(), o);
    add(byName, nameKey(o.name), o);
    const short = nameKey(o.shortName);
    add(byAlias, short, o);
    if (!short.endsWith(" council")) add(byAlias, `${short} council`, o);
  }
  // A former GSS code answers for its organisation unless a current code is the same.
  for (const o of all)
    for (const former of o.formerGssCodes)
      if (!byCode.has(former.toLowerCase())) byCode.set(former.toLowerCase(), o);
  return { byCode, byName, byAlias, byId };
}

export type PartnerError = { message: string; unmatched?: string };

/** The organisations a name stands for on the date: official names first, then short names. */
function named(directory: Directory, key: string, date: string | null): Org[] {
  for (const map of [directory.byName, directory.byAlias]) {
    const all = map.get(key) ?? [];
    const active = all.filter((o) => activeOnDate(o, date));
    if (all.length) return active.length ? active : all;
  }
  return [];
}

/** A partner cell's entries → organisation codes, with an error for each one not found. */
export function resolvePartners(
  entries: string[],
  startDate: string,
  directory: Directory,
  leadOrganisationId: number,
  matches: Map<string, string> = new Map(),
): { codes: string[]; errors: PartnerError[] } {
  const codes: string[] = [];
  const errors: PartnerError[] = [];
  const date = isoDateOrNull(startDate);
  const dateUnread = startDate.trim() !== "" && date === null;
  for (const entry of entries) {
    const key = nameKey(entry);
    if (!key) continue;
    const hidden = hiddenCharacterProblem("Partners", entry);
    if (hidden) {
      errors.push({ message: hidden });
      continue;
    }
    let org = directory.byCode.get(key);
    if (!org) {
      const candidates = named(directory, key, date);
      if (candidates.length > 1) {
        errors.push({
          message: `More than one organisation is called “${entry.trim()}”: use its GSS code`,
        });
        continue;
      }
      org = candidates[0] ?? directory.byCode.get(matches.get(key)?.toLowerCase() ?? "");
    }
    if (!org) {
      errors.push({
        message: `No organisation has the GSS code or name “${entry.trim()}”`,
        unmatched: entry.trim(),
      });
      continue;
    }
    if (org.id === leadOrganisationId) {
      errors.push({ message: "Your own organisation is the lead: list only the other partners" });
      continue;
    }
    // A start date that could not be read is reported as such, not as a lifetime problem.
    const problem = dateUnread ? null : lifetimeProblem(org, { startDate: date }, today());
    if (problem) {
      errors.push({ message: problem });
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
  if (startDate.trim() !== "" && !isoDateOrNull(startDate)) return null;
  return lead ? lifetimeProblem(lead, { startDate: isoDateOrNull(startDate) }, today()) : null;
}
