import { notFound } from "next/navigation";

/** The [id] segment as an arrangement id; anything that is not one is simply not found. */
export function arrangementIdParam(id: string): number {
  if (!/^[1-9]\d{0,15}$/.test(id)) notFound();
  const value = Number(id);
  if (!Number.isSafeInteger(value)) notFound();
  return value;
}
