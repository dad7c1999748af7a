/**
 * Successions from the reference data, as the issue 12 design defines them: every council's
 * `replaced-by` list, effective on the successor's first day (the predecessor's last day + 1),
 * a split shared by the successors' 2020 populations in basis points (the remainder on the
 * largest), a merger's single successor taking 10000.
 */
import { sharesByWeight, WHOLE_BP } from "@/lib/organisations/shares";
import { addDays } from "./dates";
import { compareCodeUnits } from "./random";
import type { DemoOrganisation } from "./types";

export type Succession = {
  predecessorCode: string;
  successorCode: string;
  /** The successor's first day in charge. */
  effectiveDate: string;
  /** The part of the predecessor the successor takes, 1..10000. */
  shareBp: number;
};

function splitShares(successors: readonly DemoOrganisation[], predecessor: string): number[] {
  if (successors.length === 1) return [WHOLE_BP];
  return sharesByWeight(
    successors.map((s) => {
      if (!s.population)
        throw new Error(`${s.code} (successor of ${predecessor}) has no population`);
      return s.population;
    }),
  );
}

export function deriveSuccessions(organisations: readonly DemoOrganisation[]): Succession[] {
  const byCode = new Map(organisations.map((o) => [o.code, o]));
  const out: Succession[] = [];
  for (const o of organisations) {
    const codes = o.replacedByCodes ?? [];
    if (codes.length === 0) continue;
    if (!o.endDate) throw new Error(`${o.code} is replaced but has no end date`);
    const successors = codes.map((c) => {
      const s = byCode.get(c);
      if (!s) throw new Error(`${o.code} is replaced by unknown ${c}`);
      return s;
    });
    const shares = splitShares(successors, o.code);
    successors.forEach((s, i) =>
      out.push({
        predecessorCode: o.code,
        successorCode: s.code,
        effectiveDate: addDays(o.endDate!, 1),
        shareBp: shares[i]!,
      }),
    );
  }
  return out.sort(
    (a, b) =>
      compareCodeUnits(a.predecessorCode, b.predecessorCode) ||
      compareCodeUnits(a.successorCode, b.successorCode),
  );
}
