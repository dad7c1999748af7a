import Link from "next/link";

/** An unknown (or unpublished) arrangement: say so, and offer the search. */
export default function ArrangementNotFound() {
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold text-brand">Arrangement not found</h1>
      <p className="mt-4 text-lg">
        No published arrangement has this address. It may have been renamed, or not yet approved for
        publication.
      </p>
      <p className="mt-4">
        <Link href="/arrangements">Search all arrangements</Link>
      </p>
    </div>
  );
}
