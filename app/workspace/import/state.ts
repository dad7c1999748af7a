import type { FormState } from "@/lib/auth/access";

/** How many rows the preview lists in full; rows with problems are always listed. */
export const PREVIEW_ROWS = 500;

/** One row of the preview, as the page shows it. */
export type ImportPreviewRow = {
  rowNumber: number;
  title: string;
  mainCategory: string;
  partners: string[];
  savingsYears: number;
  errors: { column: string; message: string }[];
};

/** What the import action hands back to the import page. */
export type ImportState = FormState & {
  step?: "preview" | "done";
  fileName?: string;
  /** The previewed file, signed for this user; sent back with "Import". */
  token?: string;
  /** The first rows of the file (PREVIEW_ROWS) and every row with a problem, in file order. */
  rows?: ImportPreviewRow[];
  /** Rows read from the file in all. */
  rowCount?: number;
  validCount?: number;
  errorCount?: number;
  /** Partner names not found, each with suggestions to choose from. */
  unmatched?: {
    entry: string;
    key: string;
    rows: number[];
    options: { code: string; label: string }[];
  }[];
  /** Rows that a choice of partner would make importable. */
  matchableCount?: number;
  /** Rows that failed when validated again at import time. */
  importErrors?: { rowNumber: number; column: string; message: string }[];
  arrangementIds?: number[];
};

/** What "Submit all for review" hands back: which were submitted, which refused and why. */
export type SubmitAllState = FormState & {
  submitted?: number[];
  refused?: { arrangementId: number; title: string; message: string }[];
};
