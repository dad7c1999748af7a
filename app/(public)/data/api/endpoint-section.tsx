import { Fragment } from "react";
import { DataTable, type Column } from "@/components/data-table";
import { ScrollRegion } from "@/components/scroll-region";
import type {
  ReferenceEndpoint,
  ReferenceField,
  ReferenceParameter,
} from "@/lib/open-data/api-reference";

/** The document's descriptions use `code` and **bold** only: those two, nothing else. */
export function InlineMarkdown({ text }: { text: string }) {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*)/).map((part, i) => {
    if (part.startsWith("`") && part.endsWith("`") && part.length > 1)
      return (
        <code key={i} className="font-mono">
          {part.slice(1, -1)}
        </code>
      );
    if (part.startsWith("**") && part.endsWith("**") && part.length > 3)
      return <strong key={i}>{part.slice(2, -2)}</strong>;
    return <Fragment key={i}>{part}</Fragment>;
  });
}

const PARAMETER_COLUMNS: Column<ReferenceParameter>[] = [
  {
    label: "Name",
    rowHeader: true,
    cell: (p) => <code className="font-mono whitespace-nowrap">{p.name}</code>,
  },
  { label: "In", cell: (p) => p.in },
  { label: "Required", cell: (p) => (p.required ? "Yes" : "No") },
  { label: "Type", cell: (p) => p.type },
  { label: "Meaning", cell: (p) => <InlineMarkdown text={p.description} /> },
];

const FIELD_COLUMNS: Column<ReferenceField>[] = [
  {
    label: "Field",
    rowHeader: true,
    cell: (f) => <code className="font-mono whitespace-nowrap">{f.name}</code>,
  },
  { label: "Type", cell: (f) => f.type },
  { label: "Meaning", cell: (f) => <InlineMarkdown text={f.description} /> },
];

/** A block of code that scrolls by itself, named so keyboard users can reach and scroll it. */
function CodeBlock({ label, children }: { label: string; children: string }) {
  return (
    <ScrollRegion label={label} className="mt-2 rounded border border-rule bg-surface">
      <pre className="p-3 text-sm">
        <code className="font-mono">{children}</code>
      </pre>
    </ScrollRegion>
  );
}

/** One endpoint: what it does, its parameters, its answers, their fields, a worked example. */
export function EndpointSection({ endpoint: e }: { endpoint: ReferenceEndpoint }) {
  const name = `${e.method} ${e.path}`;
  return (
    <section aria-labelledby={e.id} className="mt-12" data-testid="endpoint">
      <h2 id={e.id} className="text-2xl font-bold break-words">
        <code className="font-mono">{name}</code>
      </h2>
      <p className="mt-2 text-lg font-semibold">{e.summary}</p>
      {e.description ? (
        <p className="mt-2">
          <InlineMarkdown text={e.description} />
        </p>
      ) : null}

      <h3 className="mt-6 text-xl font-bold">Parameters</h3>
      {e.parameters.length > 0 ? (
        <DataTable
          id={`${e.id}-parameters`}
          dense
          regionClassName="mt-2"
          testId={`${e.id}-parameters`}
          caption={`Parameters of ${name}`}
          columns={PARAMETER_COLUMNS}
          rows={e.parameters}
          rowKey={(p) => `${p.in}-${p.name}`}
        />
      ) : (
        <p className="mt-2">None.</p>
      )}

      <h3 className="mt-6 text-xl font-bold">Answers</h3>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {e.responses.map((r) => (
          <li key={r.status}>
            <strong>{r.status}</strong>: <InlineMarkdown text={r.description} />
          </li>
        ))}
      </ul>

      {e.fields.length > 0 ? (
        <>
          <h3 className="mt-6 text-xl font-bold">Fields of the {e.example.status} answer</h3>
          <DataTable
            id={`${e.id}-fields`}
            dense
            regionClassName="mt-2"
            caption={`Fields of the JSON that ${name} answers`}
            columns={FIELD_COLUMNS}
            rows={e.fields}
            rowKey={(f) => f.name}
          />
        </>
      ) : null}

      <h3 className="mt-6 text-xl font-bold">Worked example</h3>
      {e.method === "GET" ? (
        <p className="mt-2">
          Request:{" "}
          <a href={e.example.url} data-testid="example-url" className="break-all">
            <code className="font-mono">{e.example.url}</code>
          </a>
        </p>
      ) : null}
      <CodeBlock label={`curl for ${name}`}>{e.example.curl}</CodeBlock>
      {e.example.response !== null ? (
        <>
          <p className="mt-3">Answer ({e.example.status}, abbreviated):</p>
          <CodeBlock label={`Example answer of ${name}`}>{e.example.response}</CodeBlock>
        </>
      ) : (
        <p className="mt-3">
          Answer: {e.example.status}, no body
          {e.method === "OPTIONS" ? ", with the Access-Control-Allow-* headers" : ""}.
        </p>
      )}
    </section>
  );
}
