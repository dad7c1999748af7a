import type { Metadata } from "next";
import Link from "next/link";
import { ServiceHeading, ServiceList, ServicePage } from "@/components/service-page";
import { FEEDBACK_PER_WINDOW } from "@/lib/feedback/limits";
import { FeedbackForm } from "./feedback-form";

export const metadata: Metadata = {
  title: "Contact",
  description:
    "How to ask about the Council Shared Services Map, an arrangement, or your data, and a form to send feedback.",
};

/**
 * Who to ask about what (the addresses are the demonstration's placeholders), and the feedback
 * form, whose messages reach the register's administrators. The page stays static: the form
 * posts to a server action.
 */
export default function ContactPage() {
  return (
    <ServicePage heading="Contact">
      <p>
        This site is a demonstration, so the addresses below are placeholders (example.org) and
        messages sent to them are not read. A live register would give its team&apos;s real
        addresses here. The <a href="#feedback-heading">feedback form</a> below does reach the
        register&apos;s administrators.
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

      <ServiceHeading id="feedback-heading">Send feedback</ServiceHeading>
      <p>
        Tell us about a mistake, a page that did not work, or what would make the register more
        useful. You do not need an account. Your message goes to the register&apos;s administrators;
        the <Link href="/privacy#feedback">privacy notice</Link> says what is kept and for how long.
        You can send up to {FEEDBACK_PER_WINDOW} messages an hour.
      </p>
      <FeedbackForm />
    </ServicePage>
  );
}
