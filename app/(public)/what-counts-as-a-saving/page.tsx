import type { Metadata } from "next";
import Link from "next/link";
import { ServiceHeading, ServiceList, ServicePage } from "@/components/service-page";

export const metadata: Metadata = {
  title: "What counts as a saving",
  description:
    "How savings are reported on the register: actual and forecast, by financial year, and why " +
    "the figures of councils that share an arrangement must not be added together.",
};

/** The rules behind every savings figure on the site. */
export default function SavingsExplainedPage() {
  return (
    <ServicePage heading="What counts as a saving">
      <p>
        A saving is money the partners no longer spend because they run a service together: the
        difference between what the service costs now and what it would have cost each of them to
        run it alone. Savings are reported by the councils themselves and published after an
        administrator has reviewed them.
      </p>

      <ServiceHeading>Cashable savings</ServiceHeading>
      <p>
        The figures are meant to be cashable savings: a real reduction in spending, such as fewer
        posts, one contract instead of several, or a building given up. Other benefits (a more
        resilient service, better outcomes, shared expertise) are recorded as benefits, not as
        money. The register does not record separately whether a figure is cashable and does not
        check a council&apos;s accounts: a saving is what the council reports.
      </p>

      <ServiceHeading>By financial year</ServiceHeading>
      <p>
        Each saving belongs to one financial year, from 1 April to 31 March, and is the saving in
        that year alone, not a running total. A year is named by the year it starts: 2016 means
        2016/17. Savings over several years are the sum of those years.
      </p>

      <ServiceHeading>Actual and forecast</ServiceHeading>
      <ServiceList>
        <li>
          An <strong>actual</strong> saving is one the council says was achieved.
        </li>
        <li>
          A <strong>forecast</strong> is a saving expected in a year. Totals say whether they
          include forecasts.
        </li>
        <li>
          A forecast for a year that has ended is shown as <em>not yet confirmed</em> until the
          council reports what was saved. A saving that was not achieved is recorded as an actual of
          £0.
        </li>
      </ServiceList>

      <ServiceHeading>Shared savings must not be added up</ServiceHeading>
      <p>
        An arrangement&apos;s savings are the savings of the whole partnership. A council&apos;s
        page shows the savings of every arrangement it takes part in, so the same saving appears on
        the page of every partner. Adding the figures of several councils together counts it more
        than once. The national total on the home page counts each arrangement once. Beside those
        figures, a council&apos;s page gives its share: each arrangement&apos;s savings split
        equally among the organisations taking part. Shares do not overlap, so they can be added up.
      </p>

      <ServiceHeading>In this demonstration</ServiceHeading>
      <p>
        Apart from three real arrangements, the savings on this site are illustrative, generated to
        match the LGA&apos;s published totals. See <Link href="/about">about the register</Link>.
      </p>
    </ServicePage>
  );
}
