import { BENEFITS } from "@/lib/categories";
import { financialYearLabel } from "@/lib/financial-year";
import { penceToPoundsString } from "@/lib/money";

/*
 * The open data files, defined once: each field's name, type and meaning, and how it is read
 * from a database row. The CSV and JSON writers (lib/open-data/encode.ts) and the schema tables
 * on /data all come from these lists, so the documentation cannot drift from the files.
 * Pure module.
 */

export type FieldType =
  | "text"
  | "integer"
  | "pence"
  | "pounds"
  | "date"
  | "timestamp"
  | "boolean"
  | "list"
  | "financial-year";

/** A field's value before encoding: lists are arrays, money is bigint pence, absent is null. */
export type FieldValue = string | number | bigint | boolean | null | readonly string[];

export type Field<Row> = {
  name: string;
  type: FieldType;
  description: string;
  get: (row: Row) => FieldValue;
};

/** How each type is written, for the schema tables on /data. */
export const FIELD_TYPE_DOCS: Record<FieldType, { csv: string; json: string }> = {
  text: { csv: "text", json: "string" },
  integer: { csv: "whole number", json: "integer" },
  pence: { csv: "whole number of pence", json: "integer (pence)" },
  pounds: { csv: "pounds with two decimals, e.g. 1250000.50", json: 'string, e.g. "1250000.50"' },
  date: { csv: "date, YYYY-MM-DD", json: "string, YYYY-MM-DD" },
  timestamp: { csv: "date and time, ISO 8601 in UTC", json: "string, ISO 8601 in UTC" },
  boolean: { csv: "true or false", json: "boolean" },
  list: { csv: "values separated by semicolons (;)", json: "array of strings" },
  "financial-year": { csv: 'label, e.g. "2016/17"', json: 'string, e.g. "2016/17"' },
};

/** A published arrangement as the download query returns it (lib/open-data/queries.ts). */
export type ArrangementRecord = {
  arrangement_id: number;
  slug: string;
  title: string;
  description: string;
  stage: string;
  start_date: string | null;
  end_date: string | null;
  lead_code: string;
  lead_name: string;
  region: string | null;
  organisation_codes: string[];
  organisation_names: string[];
  partner_kinds: string[];
  main_category: string;
  main_category_name: string;
  other_categories: string[];
  benefits: string[];
  no_savings_reason: string | null;
  total_pence: bigint;
  actual_pence: bigint;
  forecast_pence: bigint;
  contact_name: string | null;
  contact_email: string | null;
  is_illustrative: boolean;
  /** ISO 8601 in UTC. */
  published_at: string;
  version: number;
};

/** One savings line of a published arrangement. */
export type SavingsRecord = {
  arrangement_id: number;
  slug: string;
  title: string;
  lead_code: string;
  region: string | null;
  main_category: string;
  financial_year: number;
  kind: string;
  amount_pence: bigint;
  is_illustrative: boolean;
};

/** An amount as two fields: `<stem>_pence` (exact) and `<stem>_pounds` (two decimals). */
function money<Row>(stem: string, meaning: string, get: (row: Row) => bigint): Field<Row>[] {
  return [
    { name: `${stem}_pence`, type: "pence", description: `${meaning}, in pence.`, get },
    {
      name: `${stem}_pounds`,
      type: "pounds",
      description: "The same in pounds.",
      get: (row) => penceToPoundsString(get(row)),
    },
  ];
}

export const ARRANGEMENT_FIELDS: readonly Field<ArrangementRecord>[] = [
  {
    name: "slug",
    type: "text",
    description:
      "The arrangement's stable identifier. Its page is /arrangements/ followed by the slug.",
    get: (r) => r.slug,
  },
  { name: "title", type: "text", description: "Name of the arrangement.", get: (r) => r.title },
  {
    name: "description",
    type: "text",
    description: "What the partners do together.",
    get: (r) => r.description,
  },
  {
    name: "stage",
    type: "text",
    description: "planned, operational or ended.",
    get: (r) => r.stage,
  },
  {
    name: "start_date",
    type: "date",
    description: "When the arrangement started (or is planned to). Empty if not known.",
    get: (r) => r.start_date,
  },
  {
    name: "end_date",
    type: "date",
    description: "When it ended. Empty unless it has ended.",
    get: (r) => r.end_date,
  },
  {
    name: "lead_organisation_code",
    type: "text",
    description:
      "Code of the lead organisation: the ONS GSS code for councils (e.g. E10000008), the register's own code for other bodies.",
    get: (r) => r.lead_code,
  },
  {
    name: "lead_organisation_name",
    type: "text",
    description: "Name of the lead organisation.",
    get: (r) => r.lead_name,
  },
  {
    name: "region",
    type: "text",
    description: "Region of the lead organisation (one of England's nine regions).",
    get: (r) => r.region,
  },
  {
    name: "organisation_codes",
    type: "list",
    description: "Codes of every organisation taking part, the lead first, then by name.",
    get: (r) => r.organisation_codes,
  },
  {
    name: "organisation_names",
    type: "list",
    description: "Their names, in the same order.",
    get: (r) => r.organisation_names,
  },
  {
    name: "organisation_count",
    type: "integer",
    description: "How many organisations take part (two or more).",
    get: (r) => r.organisation_codes.length,
  },
  {
    name: "partner_kinds",
    type: "list",
    description:
      "Kinds of organisation taking part: council, fire, police, health, other. Only council means a councils-only arrangement.",
    get: (r) => r.partner_kinds,
  },
  {
    name: "main_category",
    type: "text",
    description: "Slug of the main service category, e.g. revenues-and-benefits.",
    get: (r) => r.main_category,
  },
  {
    name: "main_category_name",
    type: "text",
    description: "Name of the main service category.",
    get: (r) => r.main_category_name,
  },
  {
    name: "other_categories",
    type: "list",
    description: "Slugs of any further service categories.",
    get: (r) => r.other_categories,
  },
  {
    name: "benefits",
    type: "list",
    description: `Non-financial benefits claimed, as slugs: ${BENEFITS.map((b) => b.slug).join(", ")}.`,
    get: (r) => r.benefits,
  },
  {
    name: "no_savings_reason",
    type: "text",
    description: "Why no savings are recorded, when none are. Empty otherwise.",
    get: (r) => r.no_savings_reason,
  },
  ...money<ArrangementRecord>(
    "total",
    "All savings recorded, actual and forecast, over all years",
    (r) => r.total_pence,
  ),
  ...money<ArrangementRecord>("actual", "Savings achieved", (r) => r.actual_pence),
  ...money<ArrangementRecord>("forecast", "Savings expected", (r) => r.forecast_pence),
  {
    name: "contact_name",
    type: "text",
    description: "Public contact for the arrangement, if given.",
    get: (r) => r.contact_name,
  },
  {
    name: "contact_email",
    type: "text",
    description: "Public contact email, if given.",
    get: (r) => r.contact_email,
  },
  {
    name: "is_illustrative",
    type: "boolean",
    description:
      "true for an illustrative demo record generated to resemble the 2017 picture: not real data.",
    get: (r) => r.is_illustrative,
  },
  {
    name: "published_at",
    type: "timestamp",
    description: "When this version of the record was approved and published.",
    get: (r) => r.published_at,
  },
  {
    name: "version",
    type: "integer",
    description: "Version number of the published record (each approved change adds one or more).",
    get: (r) => r.version,
  },
];

export const SAVINGS_FIELDS: readonly Field<SavingsRecord>[] = [
  {
    name: "arrangement_slug",
    type: "text",
    description: "The arrangement the line belongs to (slug in the arrangements file).",
    get: (r) => r.slug,
  },
  {
    name: "arrangement_title",
    type: "text",
    description: "Its name.",
    get: (r) => r.title,
  },
  {
    name: "lead_organisation_code",
    type: "text",
    description: "Code of its lead organisation.",
    get: (r) => r.lead_code,
  },
  {
    name: "region",
    type: "text",
    description: "Region of its lead organisation.",
    get: (r) => r.region,
  },
  {
    name: "main_category",
    type: "text",
    description: "Slug of its main service category.",
    get: (r) => r.main_category,
  },
  {
    name: "financial_year",
    type: "financial-year",
    description: "The financial year (1 April to 31 March) the saving falls in.",
    get: (r) => financialYearLabel(r.financial_year),
  },
  {
    name: "financial_year_start",
    type: "integer",
    description: "The calendar year that financial year starts in (2016 for 2016/17).",
    get: (r) => r.financial_year,
  },
  {
    name: "kind",
    type: "text",
    description: "actual (achieved) or forecast (expected).",
    get: (r) => r.kind,
  },
  ...money<SavingsRecord>("amount", "The saving in that year", (r) => r.amount_pence),
  {
    name: "is_illustrative",
    type: "boolean",
    description: "true when the arrangement is an illustrative demo record: not real data.",
    get: (r) => r.is_illustrative,
  },
];
