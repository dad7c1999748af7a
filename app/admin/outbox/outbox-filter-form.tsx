"use client";

import Link from "next/link";
import { TextField } from "@/components/forms/text-field";

/** A GET form, so a filtered view of the outbox has its own address. */
export function OutboxFilterForm({ to }: { to?: string }) {
  return (
    <form
      method="get"
      action="/admin/outbox"
      role="search"
      aria-label="Outbox"
      className="mb-8 bg-surface p-4"
    >
      <TextField
        name="to"
        label="Sent to"
        hint="The full email address, in any case."
        type="email"
        spellCheck={false}
        defaultValue={to ?? ""}
      />
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="button">
          Show messages
        </button>
        <Link href="/admin/outbox">Show all</Link>
      </div>
    </form>
  );
}
