import type { Metadata } from "next";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import { CouncilTable } from "@/components/map/council-table";
import { EnglandMap } from "@/components/map/england-map";
import { MapLegend } from "@/components/map/map-legend";
import { MapNotes } from "@/components/map/map-notes";
import { MapOptionsForm } from "@/components/map/map-options-form";
import { getMapModel, type MapModel } from "@/lib/councils/map";
import { parseMapOptions } from "@/lib/councils/map-options";
import { formatLongDate } from "@/lib/format/dates";
import { queryFromSegment } from "@/lib/public-routes";
import { MapErrors, MapViewNav } from "./map-controls";

export const metadata: Metadata = {
  title: "Map of shared services in England",
  description:
    "England's councils coloured by the shared service arrangements they take part in and what " +
    "those arrangements save, on the ONS boundaries or an equal-area hex map.",
};

// The public "/map" (proxy.ts rewrites "/map?…" here: ../../README.md). Cached whole per query,
// rendered on first request and dropped when the register changes.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

const TIER_TEXT = { lower: "lower-tier councils", upper: "upper-tier councils" } as const;
const MEASURE_TEXT = { arrangements: "shared arrangements", savings: "savings" } as const;

function MapSection({ model, heading }: { model: MapModel; heading: string }) {
  return (
    <section aria-labelledby="map-heading" className="min-w-0">
      <h2 id="map-heading" className="text-2xl font-bold" data-testid="map-heading">
        {heading}
      </h2>
      <a href="#council-table" className="no-print mt-2 inline-block">
        Skip the map to the table of councils
      </a>
      <figure className="mt-4">
        {/* At most 672 px: the boundaries are quantised to it (lib/geo/projection.ts). */}
        <div className="mx-auto max-w-2xl">
          <EnglandMap
            areas={model.areas}
            width={model.width}
            height={model.height}
            title={`Map of ${heading}`}
            description={
              `${model.areas.length} areas, each a link to its council's page, named with its ` +
              `figures. The same figures are in the table of councils after the map.`
            }
          />
        </div>
        <figcaption className="mt-4">
          <MapLegend measure={model.options.measure} counts={model.classCounts} />
          <MapNotes model={model} />
        </figcaption>
      </figure>
    </section>
  );
}

export default async function MapPage({ params }: { params: Promise<{ query: string }> }) {
  const { options, errors } = parseMapOptions(queryFromSegment((await params).query));
  const model = await getMapModel(options);
  const heading =
    `${model.areas.length.toLocaleString("en-GB")} ${TIER_TEXT[options.tier]} in ${options.year}, ` +
    `coloured by ${MEASURE_TEXT[options.measure]}`;

  return (
    <>
      <h1 className="text-3xl font-bold text-brand sm:text-4xl">
        Map of shared services in England
      </h1>
      <p className="mt-3 max-w-3xl text-lg text-ink-muted">
        Each council is coloured by the shared service arrangements it takes part in on the day
        shown, including those it carries on for the councils it replaced, or by what those
        arrangements save. Select a council to see its arrangements and partners. Every figure is
        also in the table of councils.
      </p>
      <IllustrativeBanner
        illustrativeCount={model.involved.illustrative}
        totalCount={model.involved.arrangements}
      />
      <MapErrors errors={errors} />
      <MapOptionsForm options={options} />
      <MapViewNav options={options} />

      <div className="mt-6 grid gap-8 xl:grid-cols-2">
        <MapSection model={model} heading={heading} />
        <section aria-labelledby="council-table-caption" className="min-w-0">
          <CouncilTable
            model={model}
            caption={`Councils on ${formatLongDate(model.day)} (${TIER_TEXT[options.tier]}): shared arrangements and their savings`}
          />
        </section>
      </div>
    </>
  );
}
