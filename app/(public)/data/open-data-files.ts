import { ARRANGEMENT_FIELDS, SAVINGS_FIELDS, type Field } from "@/lib/open-data/schema";

/** The two open data files, each as CSV and JSON (app/data/<id>.csv|json). */
export const FILES = [
  {
    id: "arrangements",
    title: "Arrangements",
    what: "one row per published arrangement",
    fields: ARRANGEMENT_FIELDS as readonly Field<never>[],
  },
  {
    id: "savings",
    title: "Savings lines",
    what: "one row per savings figure: an arrangement, a financial year, actual or forecast",
    fields: SAVINGS_FIELDS as readonly Field<never>[],
  },
] as const;

export type FileId = (typeof FILES)[number]["id"];
