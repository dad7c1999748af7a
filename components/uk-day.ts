import { instantToLondon } from "@/lib/editions/london-time";
import { formatLongDate } from "@/lib/financial-year";

/** A moment as the UK calendar date it fell on: "14 June 2017". */
export function ukDay(moment: Date | string): string {
  return formatLongDate(instantToLondon(new Date(moment)).date);
}
