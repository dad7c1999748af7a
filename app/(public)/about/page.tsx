import type { Metadata } from "next";
import Link from "next/link";
import { ServiceHeading, ServiceList, ServicePage } from "@/components/service-page";

export const metadata: Metadata = {
  title: "About the register",
  description: "What the Council Shared Services Map is, who keeps it and how this demo was made.",
};

/** What the register is, who keeps it, and how the demonstration data was made. */
export default function AboutPage() {
  return (
    <ServicePage heading="About the register">
      <p>
        The Council Shared Services Map is a register of shared service arrangements between
        councils in England: two or more councils, often with fire and rescue services, police
        forces or NHS bodies, running a service together. For each arrangement it records who takes
        part, which services are shared, since when, and what the partners say it has saved.
      </p>
      <p>
        It follows the Local Government Association&apos;s Shared Services Map, a yearly spreadsheet
        behind a clickable map last updated in 2019. The <Link href="/editions">editions page</Link>{" "}
        sets this register beside the LGA&apos;s published figures.
      </p>

      <ServiceHeading>Who keeps it</ServiceHeading>
      <ServiceList>
        <li>
          Council staff keep their own organisation&apos;s arrangements and savings up to date.
        </li>
        <li>
          The other councils named in an arrangement are asked to confirm their part; a dispute is
          shown on the arrangement&apos;s page.
        </li>
        <li>
          Administrators review every change before it is published. Nothing is overwritten: each
          change is a new version, and the history is kept.
        </li>
      </ServiceList>

      <ServiceHeading>This is a demonstration</ServiceHeading>
      <p>
        This site is a working demonstration, not an official register. Three arrangements are real,
        named in the LGA&apos;s 2017 press release. All the others are <strong>illustrative</strong>
        : generated over the real councils of each date so that the register, as it stood at each of
        the LGA&apos;s editions, reproduces that edition&apos;s published totals. Illustrative
        records are labelled wherever they are shown. Do not quote their figures as facts about any
        council.
      </p>

      <ServiceHeading>How the figures are worked out</ServiceHeading>
      <p>
        Totals count each arrangement once, for the councils that existed on the day shown; when
        councils merge, their successors carry on their arrangements. Money is stored in whole pence
        and every figure shown adds up exactly to the register.{" "}
        <Link href="/what-counts-as-a-saving">What counts as a saving</Link> explains how savings
        are reported and why figures for different councils must not be added together.
      </p>
      <p data-testid="about-rounding">
        Headlines and charts give amounts in millions of pounds to one decimal place (or thousands
        under a million), and tables to the nearest pound; a table&apos;s total is rounded from the
        exact sum, so it can differ by a pound or two from its rounded rows. The open data and the
        API give every amount to the penny. A council&apos;s page shows, beside the savings of the
        whole partnerships it takes part in (which overlap between councils), its{" "}
        <strong>share</strong>: each arrangement&apos;s savings split equally among the
        organisations taking part that day, since the register does not record how partners divide
        them, in whole pence that add up exactly to the arrangement&apos;s total (the pennies left
        over go one each to the lead, then to the others in order of their codes).{" "}
        <strong>Savings per resident</strong> divide a council&apos;s share, or the savings of the
        arrangements led from a region, by the population in the reference data (the ONS mid-2020
        estimate; a region&apos;s is the sum of its district, unitary, metropolitan and London
        borough councils&apos;), and are shown to the penny.
      </p>

      <ServiceHeading id="similar-councils">How similar councils are chosen</ServiceHeading>
      <p>
        Each council page lists the 15 councils most like it that exist today, of the same tier:
        county councils with county councils, district councils with district councils, and unitary
        authorities, metropolitan and London boroughs (and the City of London) together. Nearness is
        the straight-line distance over two measures, each taken on a log scale and divided by its
        standard deviation among that tier&apos;s councils: population (the 2020 estimate in the
        reference data) and population density (population per km² of the council&apos;s latest
        boundary on the map, for today&apos;s councils those of 2025); a council in another region
        counts as one standard deviation further away. So two councils are &ldquo;similar&rdquo;
        when they are about as large, as built-up, and usually in the same region.
      </p>
      <p>
        The groups say nothing about deprivation, finances, services or politics, and a 2020
        population estimate ages. A council without a recorded population or boundary (one formed
        after the map&apos;s 2025 boundaries, say) has no group and is left out of the others; its
        page says so. The groups follow the register: when councils are replaced, the groups are
        worked out again from the councils that exist.
      </p>

      <ServiceHeading id="profile">
        How a council is compared with its similar councils
      </ServiceHeading>
      <p>
        A council&apos;s page sets its figures today beside those of its 15 similar councils: how
        many shared arrangements it takes part in, its share of their savings, that share per
        resident, and its share by financial year (each arrangement&apos;s savings in a year split
        equally in the same way). For each, the page gives the group&apos;s median and its lower and
        upper quartiles, between which the middle half of the group lie. They are taken over the 15
        councils, not the council itself, by linear interpolation between the nearest ranks (as
        PostgreSQL&apos;s <code>percentile_cont</code>): with 15 councils the median is the 8th, and
        the quartiles lie halfway between the 4th and 5th and between the 11th and 12th. Money is
        then rounded to the penny; per resident, the quartiles are taken over each council&apos;s
        share divided by its population and then rounded.
      </p>
      <p>
        &ldquo;Not yet shared&rdquo; lists the services that at least half of the group (8 of 15)
        share today, as the main or a further service of a shared arrangement, and the council does
        not, most shared first, each with a link to the partner finder; &ldquo;Other&rdquo; is left
        out, as it is no one service.
      </p>
      <p>
        Fifteen councils is a small group: one council&apos;s large arrangement moves a quartile,
        and the quartiles of a year with few savings recorded are often nothing. The figures are
        only what councils have published in the register, and a share assumes partners divide
        savings equally, which the register does not record. A service the group shares and the
        council does not may be one it runs well alone, or shares in a way not recorded here.
      </p>

      <ServiceHeading id="estimates">
        How &ldquo;what could sharing save us?&rdquo; is worked out
      </ServiceHeading>
      <p>
        On a service&apos;s page a council can see what comparable arrangements saved. They are the
        published arrangements of that service, shared today and with savings recorded, in which at
        least one council of the same tier takes part. For each, its savings a year are its savings
        over the financial years it has figures for, divided by those years, and shared equally
        between the councils taking part. The page gives the median and the middle half (lower to
        upper quartile) of these, and how many arrangements they rest on; with fewer than five there
        is no estimate. The figures are scaled to the council&apos;s population only when, over at
        least ten of the arrangements, savings per council grow with the councils&apos; population
        (a correlation of 0.5 or more between their logarithms); the page says whether they were.
      </p>
      <p>
        It is a range of what others saved, not a forecast: arrangements differ in scope and in how
        they count savings, and the published ones are those councils chose to record.
      </p>

      <ServiceHeading id="successors">How successors are counted</ServiceHeading>
      <p>
        When councils merge or a council is split, the register copies nothing: on any date, an
        arrangement still running counts for the successors of a partner that had ceased by then
        (shown as &ldquo;via&rdquo; the former council, with a split council&apos;s share divided by
        population). Where every partner has become one council, the arrangement is run within that
        council from the day it was formed: it stops counting as shared, and the savings of the
        years before still count. Editions are read the same way, as the register stood at their
        moment, so the July 2019 edition leaves out the arrangements that the April 2019 mergers
        brought within one council.
      </p>

      <ServiceHeading>Open data</ServiceHeading>
      <p>
        Everything published here can be downloaded or read through the API:{" "}
        <Link href="/data">open data</Link>.
      </p>
    </ServicePage>
  );
}
