import Link from "next/link";
import { mapOptionsToParams, type MapOptions } from "@/lib/councils/map-options";
import { publicHref } from "@/lib/public-routes";

const VIEWS = [
  ["boundaries", "Boundary map"],
  ["hex", "Hex map: every council the same size"],
] as const;

/** Settings in the address that could not be used: said plainly, the usual one used instead. */
export function MapErrors({ errors }: { errors: Record<string, string> }) {
  const messages = Object.values(errors);
  if (messages.length === 0) return null;
  return (
    <div role="alert" className="my-6 border-l-8 border-error p-4" data-testid="map-errors">
      <p className="font-bold">Some of the map&rsquo;s settings were not understood</p>
      <ul className="mt-2 list-disc pl-6">
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
      <p className="mt-2">The map below uses the usual setting instead.</p>
    </div>
  );
}

/** The two views of the map as links, the current one marked. */
export function MapViewNav({ options }: { options: MapOptions }) {
  return (
    <nav aria-label="Map view" className="no-print mt-6">
      <ul className="flex flex-wrap gap-2">
        {VIEWS.map(([view, label]) => (
          <li key={view}>
            <Link
              href={publicHref("/map", mapOptionsToParams({ ...options, view }))}
              aria-current={options.view === view ? "page" : undefined}
              className={`inline-block border-2 px-3 py-1.5 font-semibold ${options.view === view ? "border-brand bg-brand text-white no-underline visited:text-white" : "border-rule-strong"}`}
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
