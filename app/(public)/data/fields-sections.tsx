import { DataTable } from "@/components/data-table";
import { FIELD_TYPE_DOCS } from "@/lib/open-data/schema";
import { FILES } from "./open-data-files";

const COLUMNS = [
  { label: "Field" },
  { label: "In CSV" },
  { label: "In JSON" },
  { label: "Meaning" },
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
      >
        {file.fields.map((field) => (
          <tr key={field.name}>
            <th scope="row">
              <code className="font-mono whitespace-nowrap">{field.name}</code>
            </th>
            <td>{FIELD_TYPE_DOCS[field.type].csv}</td>
            <td>{FIELD_TYPE_DOCS[field.type].json}</td>
            <td>{field.description}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  ));
}
