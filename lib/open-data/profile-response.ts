import "server-only";
import { today } from "@/lib/clock";
import { lookUpCouncil } from "@/lib/councils/council-page";
import { profileBody } from "@/lib/councils/profile-api";
import { councilProfile } from "@/lib/councils/profile-query";
import { similarGroupOf } from "@/lib/councils/similar-query";
import { apiHandler, errorResponse, jsonResponse, queryParameters, redirectResponse } from "./api";

/*
 * GET /api/v1/councils/{code}/profile: a council's profile against its similar councils, the
 * figures of its page (lib/councils/profile.ts), with the conventions of every /api/v1 answer
 * (lib/open-data/api.ts). Codes are answered as the page answers them: a former or alias code,
 * or one in lower case, is redirected (308) to the council's own; a council that has ceased,
 * or has no comparison group, answers with `profile: null` and the reason.
 */

type Context = { params: Promise<{ code: string }> };

export const profileResponse = apiHandler(async (request: Request, context: Context) => {
  const params = queryParameters(request, []);
  if (!params.ok) return params.response;
  const { code } = await context.params;
  const found = await lookUpCouncil(code);
  if (found.kind === "missing") {
    return errorResponse(404, `No council has the code "${code.slice(0, 40)}".`);
  }
  if (found.kind === "moved") {
    return redirectResponse(request, `/api/v1/councils/${found.code}/profile`);
  }
  const { council, directory } = found;
  const day = today();
  const similar = similarGroupOf(directory, council, day);
  const profile = await councilProfile(directory, council, similar, day);
  return jsonResponse(request, profileBody({ council, day, similar, profile }));
});
