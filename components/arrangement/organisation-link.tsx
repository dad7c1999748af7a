import Link from "next/link";
import type { OrganisationRef } from "@/lib/public/arrangements";

/**
 * An organisation taking part, linked to where the public can read more: a council's own page
 * (/councils/<GSS code>), otherwise the arrangements it takes part in.
 */
export function organisationHref(o: OrganisationRef): string {
  if (o.kind === "council" && o.gssCode) return `/councils/${o.gssCode}`;
  return `/arrangements?organisation=${encodeURIComponent(o.code)}`;
}

export function OrganisationLink({ organisation }: { organisation: OrganisationRef }) {
  return <Link href={organisationHref(organisation)}>{organisation.name}</Link>;
}
