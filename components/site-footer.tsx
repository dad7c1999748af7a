import Link from "next/link";
import { SERVICE_PAGES } from "@/lib/service-pages";

/**
 * Site footer: the data attributions that the licences of the shipped reference data require
 * (db/reference/SOURCES.md), and the service pages (about, privacy, cookies…), on every page.
 */
export function SiteFooter() {
  return (
    <footer className="mt-12 border-t-4 border-brand bg-surface text-sm text-ink">
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <h2 className="text-base font-bold">Data sources and licences</h2>
        <ul className="mt-3 list-disc space-y-2 pl-5">
          <li>
            Council names, codes, types and dates:{" "}
            <a href="https://github.com/mysociety/uk_local_authority_names_and_codes">
              mySociety, UK local authority names and codes
            </a>
            , licensed under <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>.
          </li>
          <li>
            Boundaries: Source: Office for National Statistics licensed under the{" "}
            <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">
              Open Government Licence v3.0
            </a>
            . Contains OS data © Crown copyright and database right.
          </li>
          <li>
            Hex maps of local authorities and NHS Integrated Care Boards:{" "}
            <a href="https://github.com/odileeds/hexmaps">Open Innovations hexmaps</a>, MIT licence.
          </li>
          <li>
            Fire and rescue services and police forces: openregister fire and police data, Crown
            copyright, Open Government Licence v3.0.
          </li>
          <li>NHS body names © NHS England, Open Government Licence v3.0.</li>
          <li>
            Local Government Association headline figures for each edition of its shared services
            map (2013 to 2019), as published in: the LGA press release &lsquo;Councils sharing
            services save taxpayers £643 million&rsquo; (2017); the LGA&rsquo;s shared services
            pages on local.gov.uk (2013, 2018 and 2019); UKAuthority (2014 and 2015); LocalGov
            (2018); and Digital by Default News (2013).
          </li>
        </ul>
        <p className="mt-4 text-ink-muted">
          Savings figures are entered by councils and published after review. Illustrative demo
          records are labelled wherever they are shown.
        </p>
        <nav aria-label="About this site" className="mt-6">
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {SERVICE_PAGES.map((p) => (
              <li key={p.href}>
                <Link href={p.href}>{p.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
