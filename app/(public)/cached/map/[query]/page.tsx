import type { Metadata } from "next";
import { RoundingNote } from "@/components/rounding-note";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import { CouncilTable } from "@/components/map/council-table";
import { EnglandMap } from "@/components/map/england-map";
import { MapLegend } from "@/components/map/map-legend";
import { MapNotes } from "@/components/map/map-notes";
import { MapOptionsForm } from "@/components/map/map-options-form";
import { MapSearch } from "@/components/map/map-search";
import { MapSelectionPanel } from "@/components/map/map-selection-panel";
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
        <div className={model.regionName ? "mx-auto max-w-4xl" : "mx-auto max-w-5xl"}>
          <EnglandMap
            areas={model.areas}
            width={model.width}
            height={model.height}
            viewBox={model.viewBox}
            selection={model.selection}
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
    `${model.areas.length.toLocaleString("en-GB")} ${TIER_TEXT[options.tier]}` +
    `${model.regionName ? ` in ${model.regionName}` : ""} in ${options.year}, ` +
    `coloured by ${MEASURE_TEXT[options.measure]}` +
    `${model.categoryName ? ` in ${model.categoryName}` : ""}`;

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
      <MapSearch options={options} areas={model.areas} />
      <MapViewNav options={options} />

      <div
        className={
          model.selection ? "mt-6 grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]" : "mt-6"
        }
      >
        <MapSection model={model} heading={heading} />
        {model.selection ? (
          <div className="min-w-0 lg:pt-12">
            <MapSelectionPanel model={model} selection={model.selection} />
          </div>
        ) : null}
      </div>
      <section aria-labelledby="council-table-caption" className="mt-10 min-w-0">
        <CouncilTable
          model={model}
          caption={
            `Councils on ${formatLongDate(model.day)} (${TIER_TEXT[options.tier]}` +
            `${model.regionName ? ` in ${model.regionName}` : ""}): shared arrangements` +
            `${model.categoryName ? ` in ${model.categoryName}` : ""} and their savings`
          }
        />
        <RoundingNote />
      </section>
    </>
  );
}
