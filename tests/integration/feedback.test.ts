process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/access";
import { markFeedbackHandled, submitFeedback } from "@/lib/feedback/commands";
import { FEEDBACK_PER_WINDOW } from "@/lib/feedback/limits";
import { MESSAGE_MAX } from "@/lib/feedback/schemas";
import { closeDatabases, testDatabase } from "../support/db";
import { reviewFixtures } from "../support/review";

/*
 * The contact page's feedback form (issue 14, item 4): the real server action, as the form
 * posts it, with only the request's cookies and address stood in for. Validation keeps what
 * was typed; a message is stored, audited without an actor and mailed to every active
 * administrator; a burst from one address is refused; the honeypot keeps nothing; and an
 * administrator marks a message handled once.
 */

const run = randomUUID().slice(0, 8);
let ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
let ipCount = 0;
/** A client address of its own for each test, so the rate limit of one does not touch another. */
function freshAddress() {
  ipCount += 1;
  ip = `2001:db8:${run.slice(0, 4)}:${ipCount.toString(16)}::1`;
}

vi.mock("@/lib/auth/current", () => ({ getCurrentUser: async () => null }));
vi.mock("@/lib/request", () => ({
  requestContext: async () => ({ requestId: `feedback-${run}`, ip, userAgent: "vitest" }),
}));

const { sendFeedbackAction } = await import("@/app/(public)/contact/actions");

const { sql } = testDatabase();
const f = reviewFixtures(sql, "Feedback");
let admin: CurrentUser;
let editor: CurrentUser;
const marker = `marker-${run}`;

beforeAll(async () => {
  admin = await f.makeUser("admin");
  editor = await f.makeUser("council_editor");
});

afterAll(async () => {
  await sql`delete from outbox where body like ${`%${marker}%`}`;
  await sql`delete from feedback_messages where message like ${`%${marker}%`}`;
  await sql`delete from rate_limits where key like ${`feedback:ip:2001:db8:${run.slice(0, 4)}:%`}`;
  await f.cleanup();
  await closeDatabases(sql);
});

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  data.set("$ACTION_ID_abc", "");
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

const send = (values: Record<string, string>) => sendFeedbackAction({}, form(values));

async function stored() {
  return sql<
    {
      id: number;
      name: string | null;
      email: string | null;
      message: string;
      page: string | null;
      handled_at: Date | null;
    }[]
  >`select id, name, email, message, page, handled_at from feedback_messages
    where message like ${`%${marker}%`} order by id`;
}

describe("the feedback form's action", () => {
  it("refuses a missing message, a malformed email and an overlong message, keeping what was typed", async () => {
    freshAddress();
    const before = (await stored()).length;

    const empty = await send({ message: "  ", name: "Jo", email: "jo@example.org", page: "/map" });
    expect(empty.ok).toBeUndefined();
    expect(empty.errors).toEqual({ message: "Enter your message" });
    expect(empty.values).toMatchObject({ name: "Jo", email: "jo@example.org", page: "/map" });

    const badEmail = await send({ message: `Hello ${marker}`, email: "jo@example" });
    expect(badEmail.errors).toEqual({
      email: "Enter an email address in the correct format, like name@example.org",
    });
    expect(badEmail.values).toMatchObject({ message: `Hello ${marker}`, email: "jo@example" });

    const long = await send({ message: `${marker} ${"x".repeat(MESSAGE_MAX)}` });
    expect(long.errors).toEqual({ message: "Message must be 5,000 characters or fewer" });

    const hidden = await send({ message: `Hi\u200b ${marker}` });
    expect(hidden.errors?.message).toMatch(/invisible character/);

    const tooLongPage = await send({ message: `Hi ${marker}`, page: "p".repeat(501) });
    expect(tooLongPage.errors).toEqual({ page: "Page must be 500 characters or fewer" });

    expect(await stored()).toHaveLength(before);
  });

  it("stores a message, audits it without an actor and mails every active administrator", async () => {
    freshAddress();
    const text = `The map's legend\r\nis hard to read. ${marker}-stored`;
    const state = await send({
      message: `  ${text}  `,
      name: "  Jo   Bloggs ",
      email: " jo@example.org ",
      page: "/map",
      website: "",
    });
    expect(state).toEqual({
      ok: true,
      message: "Thank you. Your message has been sent to the register's administrators.",
    });

    const [row] = (await stored()).filter((r) => r.message.includes(`${marker}-stored`));
    expect(row).toMatchObject({
      name: "Jo Bloggs",
      email: "jo@example.org",
      page: "/map",
      message: text.replace("\r\n", "\n"),
      handled_at: null,
    });

    const [event] = await sql<
      { actor_user_id: number | null; after: Record<string, unknown>; request_id: string }[]
    >`select actor_user_id, after, request_id from audit_events
      where action = 'feedback.received' and entity_type = 'feedback'
        and entity_id = ${String(row!.id)}`;
    expect(event).toMatchObject({ actor_user_id: null, request_id: `feedback-${run}` });
    // What was said, and who said it, stay out of the append-only audit log.
    expect(event!.after).toEqual({
      page: "/map",
      length: row!.message.length,
      gaveName: true,
      gaveEmail: true,
    });

    const admins = await sql<{ email: string }[]>`
      select email from users where role = 'admin' and status = 'active' order by id`;
    const mail = await sql<{ to_address: string; subject: string; body: string }[]>`
      select to_address, subject, body from outbox where body like ${`%${marker}-stored%`}
      order by id`;
    expect(mail.map((m) => m.to_address)).toEqual(admins.map((a) => a.email));
    expect(mail.map((m) => m.to_address)).toContain(admin.email);
    for (const m of mail) {
      expect(m.subject).toBe(`New feedback from the contact page (message ${row!.id})`);
      expect(m.body).toContain("From: Jo Bloggs <jo@example.org>");
      expect(m.body).toContain("About the page: /map");
      expect(m.body).toContain("  The map's legend\n  is hard to read.");
      expect(m.body).toContain("/admin/feedback");
    }
  });

  it("keeps nothing when the honeypot is filled in, and answers the same", async () => {
    freshAddress();
    const before = await sql<{ n: number }[]>`select count(*)::int as n from feedback_messages`;
    const state = await send({ message: `Buy now ${marker}-bot`, website: "http://spam.example" });
    expect(state.ok).toBe(true);
    const after = await sql<{ n: number }[]>`select count(*)::int as n from feedback_messages`;
    expect(after[0]!.n).toBe(before[0]!.n);
    const mail = await sql`select 1 from outbox where body like ${`%${marker}-bot%`}`;
    expect(mail).toHaveLength(0);
  });

  it(`refuses the message after ${FEEDBACK_PER_WINDOW} from one address in an hour, and says when to try again`, async () => {
    freshAddress();
    for (let i = 1; i <= FEEDBACK_PER_WINDOW; i++) {
      const state = await send({ message: `Burst ${i} ${marker}-burst` });
      expect(state.ok, `message ${i}`).toBe(true);
    }
    const refused = await send({ message: `Burst 6 ${marker}-burst`, name: "Jo" });
    expect(refused.ok).toBeUndefined();
    expect(refused.message).toMatch(/several messages in a short time.*Try again in 60 minutes/);
    expect(refused.values).toMatchObject({ message: `Burst 6 ${marker}-burst`, name: "Jo" });
    const burst = (await stored()).filter((r) => r.message.includes(`${marker}-burst`));
    expect(burst).toHaveLength(FEEDBACK_PER_WINDOW);

    // Another address is not held back by this one's burst.
    freshAddress();
    expect((await send({ message: `Another sender ${marker}-other` })).ok).toBe(true);
  });

  it("deletes messages older than 12 months when feedback is written, and audits how many", async () => {
    freshAddress();
    const [old] = await sql<{ id: number }[]>`
      insert into feedback_messages (message, received_at)
      values (${`Old ${marker}-old`}, now() - interval '12 months 1 day') returning id`;
    const [recent] = await sql<{ id: number }[]>`
      insert into feedback_messages (message, received_at)
      values (${`Recent ${marker}-recent`}, now() - interval '11 months') returning id`;
    expect((await send({ message: `Newer ${marker}-newer` })).ok).toBe(true);
    const left = await sql<{ id: number }[]>`
      select id from feedback_messages where id in ${sql([old!.id, recent!.id])}`;
    expect(left.map((r) => r.id)).toEqual([recent!.id]);
    const [event] = await sql<{ after: { count: number } }[]>`
      select after from audit_events where action = 'feedback.expired'
        and request_id = ${`feedback-${run}`} order by id desc limit 1`;
    expect(event!.after.count).toBeGreaterThanOrEqual(1);
  });
});

describe("marking feedback handled", () => {
  it("is for administrators only, once, and audited", async () => {
    freshAddress();
    const result = await submitFeedback(
      { requestId: null, ip },
      { message: `Handle me ${marker}-handle` },
    );
    expect(result.ok).toBe(true);
    const id = result.ok ? result.id! : 0;

    const byEditor = await markFeedbackHandled(editor, { requestId: null }, { id });
    expect(byEditor).toMatchObject({ ok: false, reason: "not-found" });

    const done = await markFeedbackHandled(
      admin,
      { requestId: `handle-${run}` },
      { id: String(id) },
    );
    expect(done).toMatchObject({ ok: true, message: `Message ${id} marked as handled.` });
    const [row] = await sql<{ handled_by_id: number; handled_at: Date | null }[]>`
      select handled_by_id, handled_at from feedback_messages where id = ${id}`;
    expect(row!.handled_by_id).toBe(admin.id);
    expect(row!.handled_at).not.toBeNull();
    const events = await sql<{ actor_user_id: number; before: unknown }[]>`
      select actor_user_id, before from audit_events
      where action = 'feedback.handled' and entity_id = ${String(id)}`;
    expect(events).toEqual([{ actor_user_id: admin.id, before: { handledAt: null } }]);

    const again = await markFeedbackHandled(admin, { requestId: null }, { id });
    expect(again).toMatchObject({ ok: false, reason: "conflict" });
    expect(again.message).toContain(`already marked handled by ${admin.name}`);

    expect(
      await markFeedbackHandled(admin, { requestId: null }, { id: 2_000_000_000 }),
    ).toMatchObject({ ok: false, reason: "not-found" });
    expect(await markFeedbackHandled(admin, { requestId: null }, { id: "abc" })).toMatchObject({
      ok: false,
      reason: "invalid",
    });
  });
});
