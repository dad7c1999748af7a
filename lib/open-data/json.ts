import "server-only";
import { benefitLabel } from "@/lib/categories";
import { financialYearLabel } from "@/lib/financial-year";
import { formatPence } from "@/lib/money";
import type {
  ArrangementDetail,
  ArrangementList,
  ArrangementSummary,
  OrganisationRef,
} from "@/lib/public/arrangements";
import { DEFAULT_PAGE_SIZE, listQueryToParams, type ListQuery } from "@/lib/public/filters";
import type { OrganisationList, PublicOrganisation } from "@/lib/public/organisations";
import { publicHref } from "@/lib/public-routes";

/*
 * The open-data API's JSON, as lib/open-data/openapi.ts documents it. Field names are
 * snake_case, like the CSV downloads' columns.
 *
 * Money is integer pence written as a decimal *string* ("64300000000"), with the same amount
 * formatted in pounds beside it ("£643,000,000"). The register's total today (6.4 × 10^10 pence)
 * would fit a JSON number exactly, but a JSON number above 2^53 is silently rounded by
 * JavaScript and many other parsers, and a string is exact in every language at any size.
 */

type Link = string;

function organisationRefJson(o: OrganisationRef) {
  return { code: o.code, gss_code: o.gssCode, name: o.name, kind: o.kind };
}

function moneyJson(prefix: string, pence: bigint) {
  return { [`${prefix}_pence`]: pence.toString(), [prefix]: formatPence(pence) };
}

export function arrangementSummaryJson(a: ArrangementSummary) {
  return {
    slug: a.slug,
    title: a.title,
    url: `/arrangements/${a.slug}`,
    api_url: `/api/v1/arrangements/${a.slug}`,
    is_illustrative: a.isIllustrative,
    lead: {
      ...organisationRefJson(a.lead),
      region: a.lead.regionSlug ? { slug: a.lead.regionSlug, name: a.lead.regionName } : null,
    },
    main_category: a.mainCategory,
    stage: a.stage,
    start_date: a.startDate,
    end_date: a.endDate,
    organisation_count: a.organisationCount,
    ...moneyJson("total_savings", a.totalPence),
    published_at: a.publishedAt.toISOString(),
  };
}

function pageLinks(
  path: string,
  params: (page: number) => URLSearchParams,
  page: number,
  pages: number,
) {
  const href = (n: number): Link => publicHref(path, params(n));
  return {
    self: href(page),
    first: href(1),
    last: href(pages),
    prev: page > 1 ? href(Math.min(page - 1, pages)) : null,
    next: page < pages ? href(page + 1) : null,
  };
}

export function arrangementListJson(list: ArrangementList, query: ListQuery) {
  return {
    data: list.rows.map(arrangementSummaryJson),
    meta: {
      total: list.total,
      page: list.page,
      limit: list.limit,
      pages: list.pages,
      sort: list.sort,
      illustrative_count: list.illustrativeCount,
      ...moneyJson("total_savings", list.totalPence),
      ...moneyJson("unconfirmed_forecast_savings", list.unconfirmedPence),
    },
    links: pageLinks(
      "/api/v1/arrangements",
      (page) => listQueryToParams({ ...query, page }),
      list.page,
      list.pages,
    ),
  };
}

export function arrangementDetailJson(a: ArrangementDetail) {
  const { organisation_count: _count, ...summary } = arrangementSummaryJson({
    ...a,
    organisationCount: a.organisations.length,
  });
  return {
    data: {
      ...summary,
      description: a.description,
      organisations: a.organisations.map((o) => ({
        ...organisationRefJson(o),
        role: o.role,
        not_confirmed: o.notConfirmed,
      })),
      further_categories: a.furtherCategories,
      benefits: a.benefits.map((slug) => ({ slug, label: benefitLabel(slug) ?? slug })),
      contact:
        a.contactName || a.contactEmail ? { name: a.contactName, email: a.contactEmail } : null,
      no_savings_reason: a.noSavingsReason,
      savings: a.savings.map((s) => ({
        financial_year: s.financialYear,
        financial_year_label: financialYearLabel(s.financialYear),
        kind: s.kind,
        ...moneyJson("amount", s.amountPence),
      })),
      ...moneyJson("actual_savings", a.actualPence),
      ...moneyJson("forecast_savings", a.forecastPence),
      ...moneyJson("unconfirmed_forecast_savings", a.unconfirmedPence),
      first_published_at: a.firstPublishedAt.toISOString(),
    },
  };
}

export function organisationJson(o: PublicOrganisation) {
  return {
    code: o.code,
    gss_code: o.gssCode,
    former_gss_codes: o.formerGssCodes,
    name: o.name,
    short_name: o.shortName,
    kind: o.kind,
    type: o.type,
    region: o.regionSlug ? { slug: o.regionSlug, name: o.regionName } : null,
    parent_code: o.parentCode,
    start_date: o.startDate,
    end_date: o.endDate,
    replaced_by: o.replacedBy,
    successors: o.successors.map((x) => ({
      code: x.code,
      name: x.name,
      effective_date: x.effectiveDate,
      share_bp: x.shareBp,
    })),
    published_arrangements: o.arrangementCount,
  };
}

export function organisationListJson(
  list: OrganisationList,
  query: { kind?: string; region?: string },
) {
  return {
    data: list.rows.map(organisationJson),
    meta: { total: list.total, page: list.page, limit: list.limit, pages: list.pages },
    links: pageLinks(
      "/api/v1/organisations",
      (page) => {
        const params = new URLSearchParams();
        if (query.kind) params.set("kind", query.kind);
        if (query.region) params.set("region", query.region);
        if (page > 1) params.set("page", String(page));
        if (list.limit !== DEFAULT_PAGE_SIZE) params.set("limit", String(list.limit));
        return params;
      },
      list.page,
      list.pages,
    ),
  };
}
