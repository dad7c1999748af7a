import type { Metadata } from "next";
import Link from "next/link";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import { EnglandMap } from "@/components/map/england-map";
import { MapLegend } from "@/components/map/map-legend";
import { MapOptionsForm } from "@/components/map/map-options-form";
import { getMapModel } from "@/lib/councils/map";
import { mapOptionsToParams, parseMapOptions, type MapOptions } from "@/lib/councils/map-options";
import { BOUNDARY_YEARS } from "@/lib/geo/constants";
import { formatPence } from "@/lib/money";
import { publicHref, queryFromSegment } from "@/lib/public-routes";

export const metadata: Metadata = {
  title: "Map of shared services in England – Council Shared Services Map",
  description:
    "England's councils coloured by the shared service arrangements they take part in and what " +
    "those arrangements save, on the ONS boundaries or an equal-area hex map.",
};

// Cached whole per query (proxy.ts rewrites "/map?…" here; lib/public-routes.ts), rendered on
// first request and dropped when the register changes.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

const TIER_TEXT = { lower: "lower-tier councils", upper: "upper-tier councils" } as const;
const MEASURE_TEXT = { arrangements: "published arrangements", savings: "savings" } as const;

function mapHref(options: MapOptions, change: Partial<MapOptions>): string {
  return publicHref("/map", mapOptionsToParams({ ...options, ...change }));
}

export default async function MapPage({ params }: { params: Promise<{ query: string }> }) {
  const { query } = await params;
  const { options, errors } = parseMapOptions(queryFromSegment(query));
  const model = await getMapModel(options);
  const count = model.areas.length;
  const heading =
    `${count.toLocaleString("en-GB")} ${TIER_TEXT[options.tier]} in ${options.year}, ` +
    `coloured by ${MEASURE_TEXT[options.measure]}`;
  const errorList = Object.values(errors);

  return (
    <>
      <h1 className="text-3xl font-bold text-brand sm:text-4xl">
        Map of shared services in England
      </h1>
      <p className="mt-3 max-w-3xl text-lg text-ink-muted">
        Each council is coloured by the published shared service arrangements it takes part in, or
        by what those arrangements save. Select a council to see its arrangements and partners.
        Every figure is also in the table of councils.
      </p>

      <IllustrativeBanner
        illustrativeCount={model.involved.illustrative}
        totalCount={model.involved.arrangements}
      />

      {errorList.length ? (
        <div role="alert" className="my-6 border-l-8 border-error p-4" data-testid="map-errors">
          <p className="font-bold">Some of the map&rsquo;s settings were not understood</p>
          <ul className="mt-2 list-disc pl-6">
            {errorList.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
          <p className="mt-2">The map below uses the usual setting instead.</p>
        </div>
      ) : null}

      <MapOptionsForm
        years={BOUNDARY_YEARS}
        year={options.year}
        tier={options.tier}
        measure={options.measure}
        view={options.view}
      />

      <nav aria-label="Map view" className="no-print mt-6">
        <ul className="flex flex-wrap gap-2">
          {(
            [
              ["boundaries", "Boundary map"],
              ["hex", "Hex map: every council the same size"],
            ] as const
          ).map(([view, label]) => (
            <li key={view}>
              <Link
                href={mapHref(options, { view })}
                aria-current={options.view === view ? "page" : undefined}
                className={`inline-block border-2 px-3 py-1.5 font-semibold ${options.view === view ? "border-brand bg-brand text-white no-underline visited:text-white" : "border-rule-strong"}`}
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <div className="mt-6 grid gap-8 xl:grid-cols-2">
        <section aria-labelledby="map-heading" className="min-w-0">
          <h2 id="map-heading" className="text-2xl font-bold" data-testid="map-heading">
            {heading}
          </h2>
          <a href="#council-table" className="no-print mt-2 inline-block">
            Skip the map to the table of councils
          </a>
          <figure className="mt-4">
            <div className="mx-auto max-w-2xl">
              <EnglandMap
                areas={model.areas}
                width={model.width}
                height={model.height}
                title={`Map of ${heading}`}
                description={
                  `${count} areas, each a link to its council's page, named with its ` +
                  `figures. The same figures are in the table of councils after the map.`
                }
              />
            </div>
            <figcaption className="mt-4">
              <MapLegend measure={options.measure} counts={model.classCounts} />
              <MapNotes model={model} />
            </figcaption>
          </figure>
        </section>

        <section aria-labelledby="council-table-caption" className="min-w-0">
          <div
            id="council-table"
            className="relative max-h-[52rem] overflow-auto border border-rule print:max-h-none print:overflow-visible"
            role="region"
            aria-labelledby="council-table-caption"
            tabIndex={0}
          >
            <table
              className="ssm-council-table w-full border-collapse text-sm"
              data-testid="map-table"
            >
              <caption
                id="council-table-caption"
                className="bg-paper p-2 text-left text-lg font-bold"
              >
                Councils in {options.year} ({TIER_TEXT[options.tier]}): published arrangements and
                their savings
              </caption>
              <thead className="sticky top-0 bg-paper">
                <tr className="border-b-2 border-rule-strong text-left">
                  <th scope="col" className="px-2 py-2">
                    Council
                  </th>
                  <th scope="col" className="px-2 py-2">
                    Type
                  </th>
                  <th scope="col" className="px-2 py-2 text-right">
                    Arrangements
                  </th>
                  <th scope="col" className="px-2 py-2 text-right">
                    Savings
                  </th>
                </tr>
              </thead>
              <tbody>
                {model.areas.map((area) => (
                  <tr key={area.code}>
                    <th scope="row">
                      {/* Plain links: hundreds of them, with nothing to prefetch or hydrate. */}
                      <a href={`/councils/${area.code}`}>{area.shortName}</a>
                    </th>
                    <td>{area.typeLabel}</td>
                    <td className="num">{area.arrangements.toLocaleString("en-GB")}</td>
                    <td className="num">{formatPence(area.totalPence, "full")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </>
  );
}

function MapNotes({ model }: { model: Awaited<ReturnType<typeof getMapModel>> }) {
  const { options, involved, hex } = model;
  return (
    <div className="mt-4 space-y-2 text-sm text-ink-muted">
      <p data-testid="map-involved">
        Together these councils take part in {involved.arrangements.toLocaleString("en-GB")}{" "}
        published arrangement{involved.arrangements === 1 ? "" : "s"} saving{" "}
        {formatPence(involved.totalPence, "short")} ({formatPence(involved.totalPence, "full")}),
        each arrangement counted once.
      </p>
      <p>
        The map shows the councils that existed in {options.year}. A council formed by merging
        others shows only the arrangements recorded for it; choose an earlier year to see its
        predecessors.
        {options.tier === "upper"
          ? " County councils are shown with their own arrangements, not their districts'."
          : ""}
      </p>
      {hex ? (
        <p>
          Hex map: one hexagon per district, unitary or borough
          {options.tier === "upper" ? ", grouped by county" : ""}, laid out as in Open
          Innovations&rsquo; map of {hex.layoutYear}&rsquo;s councils.
          {hex.moved.length
            ? ` Councils not on that layout take the hexagon of the council they became or were formed from, or the nearest free one: ${hex.moved.map((c) => c.name).join(", ")}.`
            : ""}
        </p>
      ) : (
        <p>
          Boundaries: Office for National Statistics, 2016 super-generalised boundaries, drawn with
          an equal-area projection.
        </p>
      )}
    </div>
  );
}
