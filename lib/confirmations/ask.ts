import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organisations, partnerConfirmations, revisionPartners, users } from "@/db/schema";
import { sendMail } from "@/lib/mail";
import { siteLink, subjectWith } from "@/lib/review/notifications";

/*
 * At submission (lib/arrangements/commands/state-changes.ts, in its transaction): every
 * organisation the revision names as a partner is asked to confirm it, and its editors are
 * told by mail; their workspace lists the request (./queries.ts). Asking again resets a
 * confirmation to pending (what was confirmed may have changed), but a dispute stands until
 * the disputing organisation confirms: the lead cannot clear it by submitting again.
 */

export type PartnerAsk = {
  arrangementId: number;
  revisionId: number;
  title: string;
  leadName: string;
};

/** Asks the revision's partners; returns how many editors were mailed. */
export async function askPartners(tx: Tx, ask: PartnerAsk): Promise<number> {
  const partners = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(revisionPartners)
    .innerJoin(organisations, eq(organisations.id, revisionPartners.organisationId))
    .where(
      and(eq(revisionPartners.revisionId, ask.revisionId), eq(revisionPartners.role, "partner")),
    )
    .orderBy(asc(organisations.name));
  if (partners.length === 0) return 0;

  const disputed = sql`${partnerConfirmations.state} = 'disputed'`;
  const answers = await tx
    .insert(partnerConfirmations)
    .values(
      partners.map((p) => ({
        arrangementId: ask.arrangementId,
        organisationId: p.id,
        revisionId: ask.revisionId,
      })),
    )
    .onConflictDoUpdate({
      target: [partnerConfirmations.arrangementId, partnerConfirmations.organisationId],
      set: {
        revisionId: ask.revisionId,
        askedAt: sql`now()`,
        state: sql`CASE WHEN ${disputed} THEN 'disputed'::confirmation_state ELSE 'pending' END`,
        answeredById: sql`CASE WHEN ${disputed} THEN ${partnerConfirmations.answeredById} END`,
        answeredAt: sql`CASE WHEN ${disputed} THEN ${partnerConfirmations.answeredAt} END`,
      },
    })
    .returning({
      organisationId: partnerConfirmations.organisationId,
      state: partnerConfirmations.state,
    });
  const stateOf = new Map(answers.map((a) => [a.organisationId, a.state]));

  const editors = await tx
    .select({ email: users.email, name: users.name, organisationId: users.organisationId })
    .from(users)
    .where(
      and(
        eq(users.role, "council_editor"),
        eq(users.status, "active"),
        inArray(
          users.organisationId,
          partners.map((p) => p.id),
        ),
      ),
    )
    .orderBy(asc(users.id));
  const nameOf = new Map(partners.map((p) => [p.id, p.name]));
  for (const editor of editors) {
    const organisation = nameOf.get(editor.organisationId!)!;
    await sendMail(
      {
        to: editor.email,
        subject: subjectWith("Please confirm your part in: ", ask.title),
        text: askText(
          ask,
          editor.name,
          organisation,
          stateOf.get(editor.organisationId!) === "disputed",
        ),
      },
      { tx },
    );
  }
  return editors.length;
}

function askText(ask: PartnerAsk, name: string, organisation: string, stillDisputed: boolean) {
  return [
    `Hello ${name},`,
    "",
    `${ask.leadName} has named ${organisation} as a partner in a shared service arrangement it submitted for publication on the Council Shared Services Map:`,
    "",
    `  ${ask.title}`,
    "",
    stillDisputed
      ? `${organisation} disputed this arrangement earlier. The dispute stands, and administrators see it, until you confirm.`
      : `Please confirm that ${organisation} takes part, or dispute it and say why. Administrators see your answer before they publish it.`,
    "",
    "Read it and answer here:",
    siteLink(`/workspace/partners/${ask.arrangementId}`),
  ].join("\n");
}
