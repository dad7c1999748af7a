/* Is the upload a UTF-8 CSV file at all? Pure module. */

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: "a PDF document" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "an Excel workbook or other zip file" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: "an old-style Excel (.xls) or Word file" },
];

const SAVE_AS_CSV = "In Excel choose File, Save As, and “CSV UTF-8 (Comma delimited)”.";

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What the bytes look like from their first bytes ("a PDF document"), or null. */
export function looksLike(input: Uint8Array): string | null {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => input[i] === b))?.what ?? null;
}

/** The file's text, or why it is not a UTF-8 CSV. */
export function readCsvText(
  input: Uint8Array,
): { ok: true; text: string } | { ok: false; message: string } {
  if (input.byteLength > IMPORT_MAX_BYTES)
    return {
      ok: false,
      message: `The file must be 5 MB or smaller. This one is ${megabytes(input.byteLength)}: split it into smaller files.`,
    };
  if (input.byteLength === 0) return { ok: false, message: "The selected file is empty" };
  const what = looksLike(input);
  if (what)
    return {
      ok: false,
      message: `The selected file must be a CSV file. This one looks like ${what}. ${SAVE_AS_CSV}`,
    };
  if (input.includes(0))
    return {
      ok: false,
      message: `The selected file must be a CSV file. This one is not text. ${SAVE_AS_CSV}`,
    };
  try {
    // A leading BOM (Excel's "CSV UTF-8") is dropped by the decoder.
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(input) };
  } catch {
    return {
      ok: false,
      message: `The file must be saved as UTF-8 text: it has characters that are not UTF-8 (often “£” from an older “CSV (Comma delimited)” save). ${SAVE_AS_CSV}`,
    };
  }
}
