"use client";

/**
 * What a user sees when a page fails unexpectedly: a plain apology, never the error itself (the
 * server log has it, with the digest shown here so support can find it).
 */
export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Sorry, there is a problem with the service</h1>
      <p className="mt-4">Please try again in a few minutes. Nothing you saved has been lost.</p>
      {error.digest ? (
        <p className="mt-4 text-sm text-ink-muted">Reference: {error.digest}</p>
      ) : null}
    </div>
  );
}
