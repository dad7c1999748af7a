import { inflateRawSync } from "node:zlib";

/*
 * Just enough of the zip format to look inside an .xlsx before a spreadsheet library unpacks
 * it: the entries' names (macros live in xl/vbaProject.bin) and their real unpacked sizes. The
 * sizes the central directory declares can lie (a "zip bomb"), so every entry is inflated with
 * a cap on its output: the file is refused as soon as the total passes the budget.
 */

export type ZipEntry = { name: string; method: number; compressedSize: number; offset: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of the central directory, or null when the bytes are not a (readable) zip. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 22 || view.getUint32(0, true) !== LOCAL) return null;
  let end = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 65_557); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      offset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + skip;
  }
  return entries;
}

/** An entry's unpacked bytes, at most `limit` of them; throws past the limit or when corrupt. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, limit: number): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(entry.offset, true) !== LOCAL) throw new Error("corrupt zip entry");
  const start =
    entry.offset +
    30 +
    view.getUint16(entry.offset + 26, true) +
    view.getUint16(entry.offset + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.byteLength > limit) throw new RangeError("entry too large");
    return Buffer.from(data);
  }
  if (entry.method !== 8) throw new Error(`unsupported compression ${entry.method}`);
  return inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
}
