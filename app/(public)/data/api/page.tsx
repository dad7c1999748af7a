import type { Metadata } from "next";
import Link from "next/link";
import { apiIntroduction, apiReference } from "@/lib/open-data/api-reference";
import { EndpointSection, InlineMarkdown } from "./endpoint-section";

export const metadata: Metadata = {
  title: "API reference",
  description:
    "The open-data API of the Council Shared Services Map: every endpoint, its parameters, " +
    "the fields of its answer and a worked example, from the API's OpenAPI document.",
};

/*
 * Rendered from the OpenAPI document (lib/open-data/api-reference.ts), which is built from the
 * code's own constants and needs no database: the page is static, made once at build and served
 * from the cache like /about.
 */
export default function ApiReferencePage() {
  const endpoints = apiReference();
  return (
    <article className="max-w-4xl">
      <h1 className="text-3xl font-bold text-brand sm:text-4xl">API reference</h1>
      <p className="mt-3 text-lg text-ink-muted">
        Read-only JSON over the published register, for anyone to use under the Open Government
        Licence v3.0. This page is made from the API&apos;s{" "}
        <a href="/api/v1/openapi.json">OpenAPI 3.1 document (JSON)</a>, which tools can read
        directly. Whole files are on the <Link href="/data">open data page</Link>.
      </p>

      <section aria-labelledby="api-basics" className="mt-8">
        <h2 id="api-basics" className="text-2xl font-bold">
          How every endpoint behaves
        </h2>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          {apiIntroduction()
            .filter((line) => line.startsWith("- "))
            .map((line) => (
              <li key={line}>
                <InlineMarkdown text={line.slice(2)} />
              </li>
            ))}
        </ul>
        <p className="mt-3">
          The examples use <code className="font-mono">curl</code> with{" "}
          <code className="font-mono">SITE</code> set to this site&apos;s address, for example{" "}
          <code className="font-mono">SITE=https://shared-services.example.org</code>. Example
          answers are abbreviated: one item of each list, with illustrative values.
        </p>
      </section>

      <nav aria-labelledby="api-endpoints" className="mt-8">
        <h2 id="api-endpoints" className="text-2xl font-bold">
          Endpoints
        </h2>
        <ul className="mt-3 space-y-1" data-testid="endpoint-index">
          {endpoints.map((e) => (
            <li key={e.id}>
              <a href={`#${e.id}`}>
                <code className="font-mono">
                  {e.method} {e.path}
                </code>
              </a>
              : {e.summary}
            </li>
          ))}
        </ul>
      </nav>

      {endpoints.map((endpoint) => (
        <EndpointSection key={endpoint.id} endpoint={endpoint} />
      ))}
    </article>
  );
}
