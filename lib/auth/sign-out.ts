import "server-only";
import { db } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import type { RequestInfo } from "@/lib/request";
import { endSession, type CurrentUser } from "./sessions";

/** Ends the session in the database (the cookie alone would not be enough) and audits it. */
export async function signOut(user: CurrentUser, request: RequestInfo): Promise<void> {
  await db().transaction(async (tx) => {
    await endSession(tx, user.sessionId, "logout");
    await recordAudit(tx, {
      actorUserId: user.id,
      organisationId: user.organisationId,
      action: "auth.sign_out",
      entityType: "user",
      entityId: user.id,
      requestId: request.requestId,
    });
  });
}
