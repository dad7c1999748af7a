import Link from "next/link";

/** A plain service page (about, privacy, cookies…): one heading, readable line length. */
export function ServicePage({ heading, children }: { heading: string; children: React.ReactNode }) {
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold">{heading}</h1>
      {children}
      <p>
        <Link href="/">Back to the national picture</Link>
      </p>
    </article>
  );
}

/** A section heading inside a service page. */
export function ServiceHeading({ children, id }: { children: React.ReactNode; id?: string }) {
  return (
    <h2 id={id} className="pt-4 text-2xl font-bold">
      {children}
    </h2>
  );
}

/** A bulleted list inside a service page. */
export function ServiceList({ children }: { children: React.ReactNode }) {
  return <ul className="list-disc space-y-1 pl-6">{children}</ul>;
}
