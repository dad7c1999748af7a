import type { Metadata } from "next";
import { ServiceHeading, ServiceList, ServicePage } from "@/components/service-page";

export const metadata: Metadata = {
  title: "Cookies",
  description: "The Council Shared Services Map uses only the cookie needed to keep you signed in.",
};

/** The only cookies set are strictly necessary ones, so there is no cookie banner. */
export default function CookiesPage() {
  return (
    <ServicePage heading="Cookies">
      <p>
        Cookies are small files saved on your device by a website. This site uses only cookies that
        are strictly necessary for it to work, so it does not ask for your consent and shows no
        cookie banner.
      </p>

      <ServiceHeading>Cookies we set</ServiceHeading>
      <ServiceList>
        <li>
          <strong>The session cookie</strong> (named <code>ssm.session</code>, or{" "}
          <code>__Host-ssm.session</code> on a secure site) is set only when council staff sign in.
          It holds an encrypted random key that identifies the session, nothing else. It ends when
          you sign out, after 30 minutes without use, or after 12 hours.
        </li>
        <li>
          When staff sign in through their organisation&apos;s account (single sign-on), short-lived
          cookies hold that sign-in&apos;s state until it completes.
        </li>
      </ServiceList>
      <p>Reading the public pages sets no cookie.</p>

      <ServiceHeading>What we do not use</ServiceHeading>
      <p>
        No analytics, advertising or tracking cookies, and no third-party scripts that set cookies.
      </p>
    </ServicePage>
  );
}
