import { serviceCategoryBySlug } from "@/lib/categories";
import { MAX_PAGE } from "@/lib/public/query-params";

/*
 * The partner finder's question, from its URL: /partners?council=E09000005&category=legal, and
 * which page of the answer (&page=2).
 * Pure module. Whether the council exists is for the finder to say (it needs the register).
 */

export type PartnerQuery = {
  council?: string;
  category?: string;
  /** The page of results, from 1. */
  page: number;
  /** Field → message, in the GOV.UK style; empty when the question can be answered. */
  errors: Record<string, string>;
  /** True when the form was sent (either field present), so missing answers are errors. */
  asked: boolean;
};

const CODE = /^[A-Za-z]\d{8}$/;
const PAGE = /^\d{1,6}$/;

export function parsePartnerQuery(search: URLSearchParams): PartnerQuery {
  const values = (name: string) =>
    search
      .getAll(name)
      .map((v) => v.trim())
      .filter(Boolean);
  const councils = values("council");
  const categories = values("category");
  const asked = search.has("council") || search.has("category");
  const errors: Record<string, string> = {};
  const query: PartnerQuery = { errors, asked, page: 1 };

  if (councils.length > 1) errors.council = "Choose one council";
  else if (councils[0] && !CODE.test(councils[0]))
    errors.council = "Choose a council from the list";
  else if (councils[0]) query.council = councils[0].toUpperCase();
  else if (asked) errors.council = "Choose your council";

  if (categories.length > 1) errors.category = "Choose one service";
  else if (categories[0] && !serviceCategoryBySlug(categories[0]))
    errors.category = "Choose a service from the list";
  else if (categories[0]) query.category = categories[0];
  else if (asked) errors.category = "Choose the service you want to share";

  const pages = values("page");
  if (pages.length > 1) errors.page = "Give one page number";
  else if (pages[0] !== undefined) {
    const page = PAGE.test(pages[0]) ? Number(pages[0]) : 0;
    if (page < 1) errors.page = "The page must be a whole number from 1";
    else if (page > MAX_PAGE) errors.page = `The page must be ${MAX_PAGE} or less`;
    else query.page = page;
  }

  return query;
}

/** The partner finder's address for a council and a service category. */
export function partnerFinderHref(council: string, category: string): string {
  return `/partners?${new URLSearchParams({ council, category })}`;
}
