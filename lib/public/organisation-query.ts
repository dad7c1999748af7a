import { z } from "zod";
import {
  DEFAULT_PAGE_SIZE,
  failure,
  limitParam,
  one,
  pageParam,
  regionParam,
  toRecord,
  type ParseResult,
} from "./query-params";

/*
 * The kinds of organisation, and the parameters of the open-data API's organisation list
 * (/api/v1/organisations). Pure module.
 */

export const ORGANISATION_KINDS = ["council", "fire", "police", "health", "other"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export type OrganisationQuery = {
  kind?: OrganisationKind;
  /** Region slug. */
  region?: string;
  page: number;
  limit: number;
};

const organisationShape = {
  kind: one("Choose one kind").pipe(
    z
      .enum(ORGANISATION_KINDS, {
        message: "The kind must be council, fire, police, health or other",
      })
      .optional(),
  ),
  region: regionParam,
  page: pageParam,
  limit: limitParam,
};

/** The names parseOrganisationQuery reads. */
export const ORGANISATION_QUERY_PARAMS: readonly string[] = Object.keys(organisationShape);

/** The organisations list's filters: kind and region, with page and limit. */
export function parseOrganisationQuery(search: URLSearchParams): ParseResult<OrganisationQuery> {
  const parsed = z.object(organisationShape).safeParse(toRecord(search, ORGANISATION_QUERY_PARAMS));
  if (!parsed.success) return failure(parsed.error);
  const { kind, region } = parsed.data;
  return {
    ok: true,
    value: {
      ...(kind ? { kind } : {}),
      ...(region ? { region } : {}),
      page: parsed.data.page ?? 1,
      limit: parsed.data.limit ?? DEFAULT_PAGE_SIZE,
    },
  };
}
