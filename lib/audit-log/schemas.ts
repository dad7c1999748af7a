import { isIsoDate } from "@/lib/editions/london-time";

/*
 * The audit log's filters, from the URL (the page and the CSV export read the same ones).
 * Nonsense is dropped; a date that is not a real date, or a range that ends before it starts,
 * is reported with a message beside its field and left out of the search.
 */

export type AuditFilters = {
  organisation?: number;
  user?: number;
  action?: string;
  /** London calendar days, both inclusive. */
  from?: string;
  to?: string;
  page: number;
};

export type AuditFiltersInput = Partial<Record<keyof AuditFilters, string | undefined>>;

export type ParsedAuditFilters = { filters: AuditFilters; errors: Record<string, string> };

function id(value: string | undefined): number | undefined {
  return value && /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

export function parseAuditFilters(input: AuditFiltersInput | URLSearchParams): ParsedAuditFilters {
  const get = (name: keyof AuditFilters) =>
    (input instanceof URLSearchParams ? input.get(name) : input[name])?.trim() || undefined;
  const errors: Record<string, string> = {};
  const filters: AuditFilters = { page: 1 };

  filters.organisation = id(get("organisation"));
  filters.user = id(get("user"));
  const action = get("action");
  if (action && /^[a-z0-9_.:-]{1,100}$/i.test(action)) filters.action = action;

  for (const [name, label] of [
    ["from", "Date from"],
    ["to", "Date to"],
  ] as const) {
    const value = get(name);
    if (!value) continue;
    if (isIsoDate(value)) filters[name] = value;
    else errors[name] = `${label} must be a real date, like 2017-03-31`;
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    errors.to = "Date to must be the same as or after date from";
    delete filters.to;
  }

  const page = get("page");
  if (page && /^\d{1,6}$/.test(page) && Number(page) >= 1) filters.page = Number(page);
  return { filters, errors };
}

/** The filters as URL parameters (links to other pages, the CSV export). */
export function auditQuery(
  filters: AuditFilters,
  page = filters.page,
): Record<string, string | number | undefined> {
  return {
    organisation: filters.organisation,
    user: filters.user,
    action: filters.action,
    from: filters.from,
    to: filters.to,
    page,
  };
}
