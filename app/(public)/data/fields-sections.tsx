import { DataTable, type Column } from "@/components/data-table";
import { FIELD_TYPE_DOCS, type Field } from "@/lib/open-data/schema";
import { FILES } from "./open-data-files";

const COLUMNS: Column<Field<never>>[] = [
  {
    label: "Field",
    rowHeader: true,
    cell: (field) => <code className="font-mono whitespace-nowrap">{field.name}</code>,
  },
  { label: "In CSV", cell: (field) => FIELD_TYPE_DOCS[field.type].csv },
  { label: "In JSON", cell: (field) => FIELD_TYPE_DOCS[field.type].json },
  { label: "Meaning", cell: (field) => field.description },
];

/** Each file's schema: its fields in file order, their types in CSV and JSON, and meaning. */
export function FieldsSections() {
  return FILES.map((file) => (
    <section key={file.id} aria-labelledby={`${file.id}-fields`} className="mt-12">
      <h2 id={`${file.id}-fields`} className="text-2xl font-bold">
        Fields: {file.title.toLowerCase()}
      </h2>
      <DataTable
        id={`${file.id}-schema`}
        dense
        regionClassName="mt-4"
        testId={`${file.id}-schema`}
        caption={`Fields of ${file.title.toLowerCase()} files (${file.id}.csv and ${file.id}.json), in file order`}
        columns={COLUMNS}
        rows={file.fields}
        rowKey={(field) => field.name}
      />
    </section>
  ));
}
