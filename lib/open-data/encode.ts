import { csvRows, type CsvValue } from "@/lib/csv/writer";
import type { Field, FieldValue } from "./schema";

/*
 * One record, two encodings of the same fields (lib/open-data/schema.ts):
 * - CSV: lists joined with ";", booleans as true/false, nothing as an empty cell;
 * - JSON: lists as arrays, pence as JSON integers written digit for digit from the bigint (exact
 *   at any size; JavaScript readers are exact up to 2^53 pence, about £90 trillion), nothing
 *   as null.
 * Pure module.
 */

export const LIST_SEPARATOR = ";";

function csvValue(value: FieldValue): CsvValue {
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  return value as CsvValue;
}

export function csvHeaderLine<Row>(fields: readonly Field<Row>[]): string {
  return csvRows([fields.map((f) => f.name)]);
}

/** Records as CSV lines (CRLF after each). */
export function csvRecords<Row>(fields: readonly Field<Row>[], rows: readonly Row[]): string {
  return csvRows(rows.map((row) => fields.map((f) => csvValue(f.get(row)))));
}

/**
 * JSON text for plain data that may hold bigint (written as an integer, exactly). Objects keep
 * their key order.
 */
export function toJson(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(toJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`);
    return `{${parts.join(",")}}`;
  }
  return JSON.stringify(value);
}

/** One record as a JSON object, fields in schema order. */
export function jsonRecord<Row>(fields: readonly Field<Row>[], row: Row): string {
  const object: Record<string, FieldValue> = {};
  for (const field of fields) object[field.name] = field.get(row);
  return toJson(object);
}
