/*
 * The licence the open data is published under and the attributions it carries, in one place:
 * the /data page, the JSON files' header and /api/v1/stats all quote it. Pure module.
 */

export const LICENCE = {
  name: "Open Government Licence v3.0",
  url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
  /** The attribution statement re-users are asked to include. */
  attribution:
    "Contains public sector information from the Council Shared Services Map licensed under the " +
    "Open Government Licence v3.0.",
  /** Third-party data inside the files, with its own licence. */
  thirdParty:
    "Council names and GSS codes: mySociety, UK local authority names and codes, CC BY 4.0 " +
    "(https://creativecommons.org/licenses/by/4.0/). Fire and rescue service and police force " +
    "names: openregister, Crown copyright, Open Government Licence v3.0.",
} as const;
