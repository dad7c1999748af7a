import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = {
  title: "Accessibility statement",
  description:
    "How accessible the Council Shared Services Map is, how it is tested and how to report a problem.",
};

/** What the statement covers, and what everyone should be able to do. */
function Scope() {
  return (
    <>
      <p>
        This statement applies to the Council Shared Services Map: the public register of shared
        service arrangements between councils in England, its open data, and the workspace and
        administration pages that council staff and administrators sign in to.
      </p>
      <p>
        We want as many people as possible to be able to use this website. For example, that means
        you should be able to:
      </p>
      <ul className="list-disc space-y-1 pl-6">
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>navigate every page, the map and every form using just a keyboard</li>
        <li>navigate most of the website using speech recognition software</li>
        <li>listen to the website using a screen reader (including NVDA, JAWS and VoiceOver)</li>
        <li>read every chart&apos;s figures in a table beside it, and download them as a file</li>
      </ul>

      <h2 className="pt-4 text-2xl font-bold">How accessible this website is</h2>
      <p>
        We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. We
        know some parts may not be fully accessible:
      </p>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          charts are drawn as images for screen readers, each with a short summary; the exact
          figures are in the table that follows every chart
        </li>
        <li>
          on the boundary map some small councils are hard to point at; the equal-area hex map and
          the table of all councils beside the map show every council
        </li>
      </ul>
    </>
  );
}

/** How to report a problem, and what happens if the answer does not satisfy. */
function Feedback() {
  return (
    <>
      <h2 className="pt-4 text-2xl font-bold">Feedback and contact information</h2>
      <p>
        If you find a problem, or need information on this website in a different format such as
        accessible PDF, large print, easy read, audio recording or braille, tell the team that runs
        the register through your council&apos;s usual contact at the Local Government Association,
        or email <a href="mailto:accessibility@example.org">accessibility@example.org</a>. We will
        reply within 10 working days.
      </p>

      <h2 className="pt-4 text-2xl font-bold">Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public
        Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the
        &lsquo;accessibility regulations&rsquo;). If you are not happy with how we respond to your
        complaint, contact the{" "}
        <a href="https://www.equalityadvisoryservice.com/">
          Equality Advisory and Support Service (EASS)
        </a>
        .
      </p>
    </>
  );
}

/** Where the website stands against WCAG 2.2 AA, and how it is tested. */
function Compliance() {
  return (
    <>
      <h2 className="pt-4 text-2xl font-bold">
        Technical information about this website&apos;s accessibility
      </h2>
      <p>
        We are committed to making this website accessible, in accordance with the Public Sector
        Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
      </p>
      <h3 className="pt-2 text-xl font-bold">Compliance status</h3>
      <p>
        This website is partially compliant with the Web Content Accessibility Guidelines version
        2.2 AA standard, due to the limitations listed above. It has not yet been audited by an
        independent specialist.
      </p>

      <h2 className="pt-4 text-2xl font-bold">How we test this website</h2>
      <p>
        Every change is tested automatically before it is published: each type of page, signed out
        and signed in, is checked with the axe accessibility engine against WCAG 2.0, 2.1 and 2.2
        levels A and AA; journeys are completed with the keyboard alone (finding an arrangement from
        the map, adding and submitting an arrangement, approving one); pages are checked for
        horizontal scrolling at 320 pixels wide and for a visible focus indicator. Colours are
        chosen to reach at least 4.5:1 contrast for text and 3:1 for graphics, and colour is never
        the only way information is shown.
      </p>

      <h2 className="pt-4 text-2xl font-bold">Preparation of this accessibility statement</h2>
      <p>
        This statement was prepared on 1 December 2026. It was last reviewed on 1 December 2026.
      </p>
    </>
  );
}

/** The accessibility statement UK public sector websites must publish (PSBAR 2018). */
export default function AccessibilityStatementPage() {
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold">
        Accessibility statement for the Council Shared Services Map
      </h1>
      <Scope />
      <Feedback />
      <Compliance />
      <p>
        <Link href="/">Back to the national picture</Link>
      </p>
    </article>
  );
}
