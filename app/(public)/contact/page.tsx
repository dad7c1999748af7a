import type { Metadata } from "next";
import Link from "next/link";
import { ServiceHeading, ServiceList, ServicePage } from "@/components/service-page";

export const metadata: Metadata = {
  title: "Contact",
  description: "How to ask about the Council Shared Services Map, an arrangement, or your data.",
};

/** Who to ask about what. The addresses are the demonstration's placeholders. */
export default function ContactPage() {
  return (
    <ServicePage heading="Contact">
      <p>
        This site is a demonstration, so the addresses below are placeholders (example.org) and
        messages sent to them are not read. A live register would give its team&apos;s real
        addresses here.
      </p>

      <ServiceHeading>About an arrangement</ServiceHeading>
      <p>
        Each arrangement&apos;s page names its public contact, where the council gives one. Ask them
        first about the service itself or its savings.
      </p>

      <ServiceHeading>About the register</ServiceHeading>
      <ServiceList>
        <li>
          A mistake in the figures, or an arrangement that is missing: email{" "}
          <a href="mailto:register@example.org">register@example.org</a>.
        </li>
        <li>
          An account for your council: ask an administrator of the register at the same address.
        </li>
        <li>
          Your personal data: <a href="mailto:privacy@example.org">privacy@example.org</a> (see the{" "}
          <Link href="/privacy">privacy notice</Link>).
        </li>
        <li>
          A problem using the site, or a page in another format:{" "}
          <a href="mailto:accessibility@example.org">accessibility@example.org</a> (see the{" "}
          <Link href="/accessibility">accessibility statement</Link>).
        </li>
      </ServiceList>
    </ServicePage>
  );
}
