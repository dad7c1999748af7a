import type { Metadata } from "next";
import Link from "next/link";
import { ServiceHeading, ServiceList, ServicePage } from "@/components/service-page";
import { FEEDBACK_PER_WINDOW, RETENTION_MONTHS } from "@/lib/feedback/limits";

export const metadata: Metadata = {
  title: "Privacy notice",
  description:
    "What personal data the Council Shared Services Map holds, why, for how long, and your rights.",
};

/** What is held about people, why, for how long, and how to use one's rights (UK GDPR). */
export default function PrivacyPage() {
  return (
    <ServicePage heading="Privacy notice">
      <p>
        This notice explains what personal data the Council Shared Services Map holds. This site is
        a demonstration: the accounts and contacts in its demo data are invented, and nobody should
        enter real personal data into it.
      </p>

      <ServiceHeading>If you only read the public pages</ServiceHeading>
      <p>
        You do not need an account, and no personal data is collected about you. The site sets no
        cookie unless you sign in (see <Link href="/cookies">cookies</Link>). As on any web server,
        requests may be recorded in server logs for security.
      </p>

      <ServiceHeading id="feedback">If you send feedback</ServiceHeading>
      <p>
        The <Link href="/contact">contact page</Link>&apos;s feedback form keeps what you send: your
        message, the page it is about, and your name and email address if you give them (both are
        optional), with the time it arrived. It is emailed to the register&apos;s administrators,
        who read it to answer you or to put things right, and who record when it has been dealt
        with.
      </p>
      <ServiceList>
        <li>
          Each message is deleted {RETENTION_MONTHS} months after it arrives. Copies in the
          administrators&apos; mailboxes are kept by their organisation&apos;s own rules.
        </li>
        <li>
          The audit log records that a message arrived and when it was dealt with, but not what it
          says or who sent it.
        </li>
        <li>
          To limit abuse, the form counts messages from each network address (at most{" "}
          {FEEDBACK_PER_WINDOW} an hour). The count is kept for an hour and the address is not
          stored with your message.
        </li>
      </ServiceList>

      <ServiceHeading>What we hold about council staff</ServiceHeading>
      <ServiceList>
        <li>
          <strong>Accounts:</strong> name, work email address, organisation and role, and a password
          stored only as a one-way hash (or a link to your organisation&apos;s single sign-on
          account).
        </li>
        <li>
          <strong>Sessions:</strong> when you signed in and the network address you used.
        </li>
        <li>
          <strong>The audit log:</strong> every sign-in, change, submission and decision, with who
          made it, when, from which address, and what changed.
        </li>
        <li>
          <strong>Contact details on arrangements:</strong> the name and email address a council
          gives as an arrangement&apos;s public contact. These are published on the
          arrangement&apos;s page and in the open data.
        </li>
      </ServiceList>

      <ServiceHeading>Why, and the lawful basis</ServiceHeading>
      <p>
        Accounts, sessions and the audit log exist to let council staff keep their records up to
        date and to show who changed what. Public contacts let people ask about an arrangement.
        Feedback lets anyone tell the register&apos;s team what is wrong or missing. The lawful
        basis is the performance of a task in the public interest (UK GDPR Article 6(1)(e)).
      </p>

      <ServiceHeading>How long it is kept</ServiceHeading>
      <ServiceList>
        <li>A session ends after 30 minutes without use, after 12 hours, or on sign-out.</li>
        <li>A feedback message is deleted {RETENTION_MONTHS} months after it arrives.</li>
        <li>
          An account stays while you need it. An administrator can disable it; it is not deleted, so
          the history of who made each change stays true.
        </li>
        <li>
          The audit log cannot be changed or deleted and is kept for the life of the register.
        </li>
        <li>
          A public contact stays on an arrangement until the council changes it; earlier versions
          stay in the arrangement&apos;s history.
        </li>
      </ServiceList>

      <ServiceHeading>Your rights</ServiceHeading>
      <p>
        You can ask to see the data held about you, to have it corrected, or to object to its use.
        Ask through the <Link href="/contact">contact page</Link>. If you are not satisfied, you can
        complain to the Information Commissioner&apos;s Office (
        <a href="https://ico.org.uk/make-a-complaint/">ico.org.uk</a>).
      </p>
    </ServicePage>
  );
}
