// resolveSession reads the environment through db(); the runner sets both, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql as dsql } from "drizzle-orm";
import { db as appDb } from "@/db/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createSession, resolveSession, type CurrentUser } from "@/lib/auth/sessions";
import {
  consumeToken,
  hashToken,
  issueToken,
  peekToken,
  type ConsumeResult,
} from "@/lib/auth/tokens";
import { latestOutboxMessageTo } from "@/lib/mail";
import {
  acceptInvitation,
  changeOrganisation,
  changeOwnPassword,
  changeRole,
  inviteUser,
  requestPasswordReset,
  resendInvitation,
  resetPassword,
  RESET_REQUESTED_MESSAGE,
  RESETS_PER_HOUR,
  sendPasswordReset,
  setStatus,
  updateOwnName,
} from "@/lib/users/commands";
import { getUser, listUsers, organisationOptions } from "@/lib/users/queries";
import { closeDatabases, Rollback, testDatabase } from "../support/db";

/*
 * User management and self-service, against the real database: the lib functions are plain
 * async functions, called here as the server actions call them. Every test makes its own users
 * (unique addresses tagged with this run) and never touches the demo accounts for good.
 */

const { db, sql } = testDatabase();
const run = randomUUID().slice(0, 8);
let n = 0;
const request = { requestId: `users-test-${run}`, ip: "192.0.2.10", userAgent: "vitest" };
const PASSWORD = "Quartz-Meadow-Lantern-91";
const NEW_PASSWORD = "Copper-Estuary-Violin-62";

type Org = { id: number; name: string };
let devon: Org;
let somerset: Org;

beforeAll(async () => {
  const rows = await sql<Org[]>`
    select id, name from organisations where code in ('E10000008', 'E10000027') order by code`;
  [devon, somerset] = [rows[0]!, rows[1]!];
  expect(devon && somerset).toBeTruthy();
});

afterAll(async () => {
  // Users cannot be deleted once the (append-only) audit trail names them: leave them disabled.
  await sql`update users set status = 'disabled' where email like ${`%.${run}@test.example.org`}`;
  await closeDatabases(sql);
});

function freshEmail(label = "user") {
  n += 1;
  return `${label}-${n}.${run}@test.example.org`;
}

type Made = {
  id: number;
  email: string;
  name: string;
  role: "admin" | "council_editor";
  organisationId: number | null;
  sessionVersion: number;
};

async function makeUser(
  options: {
    role?: "admin" | "council_editor";
    status?: "invited" | "active" | "disabled";
    password?: string | null;
    organisationId?: number | null;
  } = {},
): Promise<Made> {
  const role = options.role ?? "council_editor";
  const organisationId =
    options.organisationId !== undefined
      ? options.organisationId
      : role === "admin"
        ? null
        : devon.id;
  const password = options.password === undefined ? PASSWORD : options.password;
  const hash = password ? await hashPassword(password) : null;
  const email = freshEmail(role === "admin" ? "admin" : "editor");
  const name = `Test ${role} ${n}`;
  const [row] = await sql<Made[]>`
    insert into users (email, name, role, organisation_id, status, password_hash)
    values (${email}, ${name}, ${role}, ${organisationId}, ${options.status ?? "active"}, ${hash})
    returning id, email, name, role, organisation_id as "organisationId",
              session_version as "sessionVersion"`;
  return row!;
}

function actor(user: Made): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisationId,
    sessionId: `none-${user.id}`,
  };
}

async function userRow(id: number) {
  const [row] = await sql<
    {
      status: string;
      role: string;
      organisation_id: number | null;
      session_version: number;
      password_hash: string | null;
      name: string;
    }[]
  >`select status, role, organisation_id, session_version, password_hash, name
    from users where id = ${id}`;
  return row!;
}

async function sessionFor(user: Made) {
  const { session_version } = await userRow(user.id);
  return createSession(db, {
    userId: user.id,
    sessionVersion: session_version,
    provider: "password",
  });
}

async function auditFor(userId: number) {
  return sql<{ action: string; actor_user_id: number | null; text: string }[]>`
    select action, actor_user_id, coalesce(before::text, '') || ' ' || coalesce(after::text, '') as text
    from audit_events where entity_type = 'user' and entity_id = ${String(userId)} order by id`;
}

/** The token in the newest mail to `email`, and the link it came in. */
async function linkInMail(email: string, path: string) {
  const message = await latestOutboxMessageTo(email, { db });
  expect(message, `a mail to ${email}`).not.toBeNull();
  const match = new RegExp(`(https?://[^\\s]+${path})\\?token=([A-Za-z0-9_-]{43})`).exec(
    message!.body,
  );
  expect(match, message!.body).not.toBeNull();
  return { url: match![0], token: match![2]!, message: message! };
}

async function outboxCount(email: string) {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from outbox where lower(to_address) = lower(${email})`;
  return row!.n;
}

describe("single-use tokens", () => {
  it("works once; a second use finds it used", async () => {
    const user = await makeUser();
    const token = await db.transaction((tx) =>
      issueToken(tx, { userId: user.id, purpose: "reset", createdById: null }),
    );
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await sql<{ token_hash: string; seconds: number }[]>`
      select token_hash, extract(epoch from expires_at - created_at)::int as seconds
      from auth_tokens where user_id = ${user.id}`;
    // Only the hash is stored, and a reset link lives for one hour.
    expect(stored!.token_hash).toBe(hashToken(token));
    expect(stored!.token_hash).not.toContain(token);
    expect(stored!.seconds).toBe(3600);

    expect((await peekToken(token, "reset", db)).ok).toBe(true);
    const first = await db.transaction((tx) => consumeToken(tx, token, "reset"));
    expect(first.ok && first.user.id).toBe(user.id);
    const second = await db.transaction((tx) => consumeToken(tx, token, "reset"));
    expect(second).toEqual({ ok: false, reason: "used" });
    expect(await peekToken(token, "reset", db)).toEqual({ ok: false, reason: "used" });
  });

  it("of many uses at the same moment, exactly one wins", async () => {
    const user = await makeUser();
    const token = await db.transaction((tx) =>
      issueToken(tx, { userId: user.id, purpose: "invite", createdById: null }),
    );
    // Each attempt on its own connection of the app pool, all at once.
    const results: ConsumeResult[] = await Promise.all(
      Array.from({ length: 5 }, () =>
        appDb().transaction((tx) => consumeToken(tx, token, "invite")),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "used")).toHaveLength(4);
  });

  it("expires (invitations after 7 days), and says so", async () => {
    const user = await makeUser({ status: "invited", password: null });
    const token = await db.transaction((tx) =>
      issueToken(tx, { userId: user.id, purpose: "invite", createdById: null }),
    );
    const [lifetime] = await sql<{ seconds: number }[]>`
      select extract(epoch from expires_at - created_at)::int as seconds
      from auth_tokens where token_hash = ${hashToken(token)}`;
    expect(lifetime!.seconds).toBe(7 * 24 * 3600);

    await sql`update auth_tokens set expires_at = now() - interval '1 second'
              where token_hash = ${hashToken(token)}`;
    expect(await peekToken(token, "invite", db)).toEqual({ ok: false, reason: "expired" });
    const result = await db.transaction((tx) => consumeToken(tx, token, "invite"));
    expect(result).toEqual({ ok: false, reason: "expired" });
    const accepted = await acceptInvitation(request, {
      token,
      password: PASSWORD,
      confirmPassword: PASSWORD,
    });
    expect(accepted).toMatchObject({ ok: false, reason: "expired" });
    expect((await userRow(user.id)).status).toBe("invited");
  });

  it("refuses malformed, unknown and wrong-purpose tokens", async () => {
    const user = await makeUser();
    const token = await db.transaction((tx) =>
      issueToken(tx, { userId: user.id, purpose: "reset", createdById: null }),
    );
    expect(await peekToken("not-a-token", "reset", db)).toEqual({ ok: false, reason: "invalid" });
    expect(await peekToken("A".repeat(43), "reset", db)).toEqual({ ok: false, reason: "invalid" });
    expect(await peekToken(token, "invite", db)).toEqual({ ok: false, reason: "invalid" });
    expect(await db.transaction((tx) => consumeToken(tx, token, "invite"))).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await peekToken(token, "reset", db)).ok).toBe(true);
  });

  it("a newer token of the same purpose makes the older one stop working", async () => {
    const user = await makeUser();
    const older = await db.transaction((tx) =>
      issueToken(tx, { userId: user.id, purpose: "reset", createdById: null }),
    );
    const newer = await db.transaction((tx) =>
      issueToken(tx, { userId: user.id, purpose: "reset", createdById: null }),
    );
    expect(await peekToken(older, "reset", db)).toEqual({ ok: false, reason: "used" });
    expect((await peekToken(newer, "reset", db)).ok).toBe(true);
  });
});

describe("forgotten password", () => {
  it("mails a link; setting a password with it ends every session and uses the link up", async () => {
    const user = await makeUser();
    const secret = await sessionFor(user);
    expect(await resolveSession(secret)).toMatchObject({ id: user.id });
    const before = await userRow(user.id);

    const requested = await requestPasswordReset(request, { email: user.email.toUpperCase() });
    expect(requested).toEqual({ ok: true, message: RESET_REQUESTED_MESSAGE });
    const { token, url } = await linkInMail(user.email, "/reset-password");
    expect(url).toContain("/reset-password?token=");

    // Policy and confirmation are checked before the link is used up.
    expect(
      await resetPassword(request, { token, password: "short", confirmPassword: "short" }),
    ).toMatchObject({ ok: false, errors: { password: expect.stringMatching(/12 characters/) } });
    expect(
      await resetPassword(request, {
        token,
        password: "password1234",
        confirmPassword: "password1234",
      }),
    ).toMatchObject({ ok: false, errors: { password: expect.stringMatching(/common/) } });
    expect(
      await resetPassword(request, {
        token,
        password: NEW_PASSWORD,
        confirmPassword: `${NEW_PASSWORD}x`,
      }),
    ).toMatchObject({ ok: false, errors: { confirmPassword: expect.any(String) } });
    expect((await peekToken(token, "reset", db)).ok).toBe(true);
    expect(await resolveSession(secret)).not.toBeNull();

    const done = await resetPassword(request, {
      token,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(done.ok).toBe(true);
    const after = await userRow(user.id);
    expect(after.session_version).toBe(before.session_version + 1);
    expect(await verifyPassword(after.password_hash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.password_hash, PASSWORD)).toBe(false);

    // The open session ends on its next request.
    expect(await resolveSession(secret)).toBeNull();
    const [ended] = await sql<{ end_reason: string }[]>`
      select end_reason from sessions where user_id = ${user.id}`;
    expect(ended!.end_reason).toBe("user-changed");

    // The link works once.
    const again = await resetPassword(request, {
      token,
      password: "Another-Fresh-Password-77",
      confirmPassword: "Another-Fresh-Password-77",
    });
    expect(again).toMatchObject({ ok: false, reason: "used" });

    const audit = await auditFor(user.id);
    expect(audit.map((a) => a.action)).toEqual([
      "auth.password_reset_requested",
      "auth.password_reset",
    ]);
    for (const event of audit) {
      expect(event.text).not.toContain(token);
      expect(event.text).not.toContain(hashToken(token));
      expect(event.text).not.toContain(NEW_PASSWORD);
      expect(event.text).not.toContain("argon2");
    }
  });

  it("answers the same for unknown, invited and disabled addresses, and mails none of them", async () => {
    const unknown = freshEmail("nobody");
    const invited = await makeUser({ status: "invited", password: null });
    const disabled = await makeUser({ status: "disabled" });
    for (const email of [unknown, invited.email, disabled.email]) {
      expect(await requestPasswordReset(request, { email })).toEqual({
        ok: true,
        message: RESET_REQUESTED_MESSAGE,
      });
      expect(await outboxCount(email)).toBe(0);
    }
    const [event] = await sql<{ after: { email: string; outcome: string } }[]>`
      select after from audit_events
      where action = 'auth.password_reset_requested' and after->>'email' = ${unknown}`;
    expect(event!.after.outcome).toBe("unknown-email");
  });

  it(`sends at most ${RESETS_PER_HOUR} reset mails an hour to one account`, async () => {
    const user = await makeUser();
    for (let i = 0; i < RESETS_PER_HOUR + 2; i++) {
      expect((await requestPasswordReset(request, { email: user.email })).ok).toBe(true);
    }
    expect(await outboxCount(user.email)).toBe(RESETS_PER_HOUR);
  });

  it("a disabled account's reset link no longer works", async () => {
    const admin = await makeUser({ role: "admin" });
    const user = await makeUser();
    await requestPasswordReset(request, { email: user.email });
    const { token } = await linkInMail(user.email, "/reset-password");
    expect(
      (await setStatus(actor(admin), request, { userId: user.id, status: "disabled" })).ok,
    ).toBe(true);
    const result = await resetPassword(request, {
      token,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(result).toMatchObject({ ok: false, reason: "used" });
    expect((await userRow(user.id)).status).toBe("disabled");
  });
});

describe("invitations", () => {
  it("invite → outbox mail whose link sets the password once and activates the account", async () => {
    const admin = await makeUser({ role: "admin" });
    const email = freshEmail("invitee");
    const invited = await inviteUser(actor(admin), request, {
      email,
      name: "Invited Person",
      role: "council_editor",
      organisationId: String(somerset.id),
    });
    expect(invited.ok).toBe(true);
    const userId = invited.ok ? invited.userId : 0;
    expect(await userRow(userId)).toMatchObject({
      status: "invited",
      role: "council_editor",
      organisation_id: somerset.id,
      password_hash: null,
    });

    const { token, url, message } = await linkInMail(email, "/invite/accept");
    expect(url).toContain("/invite/accept?token=");
    expect(message.subject).toMatch(/invited/i);
    expect(message.body).toContain(somerset.name);
    expect(await peekToken(token, "invite", db)).toMatchObject({
      ok: true,
      user: { id: userId, email, status: "invited" },
    });

    const accepted = await acceptInvitation(request, {
      token,
      password: PASSWORD,
      confirmPassword: PASSWORD,
    });
    expect(accepted.ok).toBe(true);
    const row = await userRow(userId);
    expect(row.status).toBe("active");
    expect(await verifyPassword(row.password_hash, PASSWORD)).toBe(true);

    const twice = await acceptInvitation(request, {
      token,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(twice).toMatchObject({ ok: false, reason: "used" });
    expect(await verifyPassword((await userRow(userId)).password_hash, PASSWORD)).toBe(true);

    const audit = await auditFor(userId);
    expect(audit.map((a) => a.action)).toEqual(["user.invited", "user.invitation_accepted"]);
    expect(audit[0]!.actor_user_id).toBe(admin.id);
    for (const event of audit) {
      expect(event.text).not.toContain(token);
      expect(event.text).not.toContain(hashToken(token));
      expect(event.text).not.toContain(PASSWORD);
    }
  });

  it("refuses an email already in use, whatever its case", async () => {
    const admin = await makeUser({ role: "admin" });
    const existing = await makeUser();
    const result = await inviteUser(actor(admin), request, {
      email: `  ${existing.email.toUpperCase()} `,
      name: "Someone Else",
      role: "council_editor",
      organisationId: devon.id,
    });
    expect(result).toEqual({
      ok: false,
      reason: "invalid",
      message: "There is a problem",
      errors: { email: "There is already an account with this email address" },
    });
    expect(await outboxCount(existing.email)).toBe(0);
  });

  it("needs an organisation for an editor and ignores one for an administrator", async () => {
    const admin = await makeUser({ role: "admin" });
    const noOrg = await inviteUser(actor(admin), request, {
      email: freshEmail("no-org"),
      name: "No Organisation",
      role: "council_editor",
      organisationId: "",
    });
    expect(noOrg).toMatchObject({ ok: false, errors: { organisationId: expect.any(String) } });

    const badOrg = await inviteUser(actor(admin), request, {
      email: freshEmail("bad-org"),
      name: "Bad Organisation",
      role: "council_editor",
      organisationId: 999_999_999,
    });
    expect(badOrg).toMatchObject({ ok: false, errors: { organisationId: expect.any(String) } });

    const newAdmin = await inviteUser(actor(admin), request, {
      email: freshEmail("new-admin"),
      name: "New Administrator",
      role: "admin",
      organisationId: devon.id,
    });
    expect(newAdmin.ok).toBe(true);
    expect((await userRow(newAdmin.ok ? newAdmin.userId : 0)).organisation_id).toBeNull();
  });

  it("a resent invitation replaces the first", async () => {
    const admin = await makeUser({ role: "admin" });
    const email = freshEmail("resend");
    const invited = await inviteUser(actor(admin), request, {
      email,
      name: "Resent Person",
      role: "council_editor",
      organisationId: devon.id,
    });
    const userId = invited.ok ? invited.userId : 0;
    const first = await linkInMail(email, "/invite/accept");
    expect((await resendInvitation(actor(admin), request, { userId })).ok).toBe(true);
    const second = await linkInMail(email, "/invite/accept");
    expect(second.token).not.toBe(first.token);
    expect(await peekToken(first.token, "invite", db)).toEqual({ ok: false, reason: "used" });
    expect((await peekToken(second.token, "invite", db)).ok).toBe(true);
    // An invited user gets a new invitation, not a reset link.
    expect(await sendPasswordReset(actor(admin), request, { userId })).toMatchObject({
      ok: false,
    });
  });

  it("only administrators may invite", async () => {
    const editor = await makeUser();
    const email = freshEmail("by-editor");
    const result = await inviteUser(actor(editor), request, {
      email,
      name: "Sneaky",
      role: "admin",
      organisationId: "",
    });
    expect(result).toMatchObject({ ok: false, message: "Only administrators can do this." });
    const [row] = await sql`select id from users where lower(email) = lower(${email})`;
    expect(row).toBeUndefined();
  });
});

describe("changes that end a user's sessions", () => {
  it("role, organisation and status changes raise the session version, in one audited step", async () => {
    const admin = await makeUser({ role: "admin" });
    const user = await makeUser();
    let version = (await userRow(user.id)).session_version;

    const steps: [string, () => Promise<{ ok: boolean }>, string][] = [
      [
        "organisation",
        () =>
          changeOrganisation(actor(admin), request, {
            userId: user.id,
            organisationId: somerset.id,
          }),
        "user.organisation_changed",
      ],
      [
        "role",
        () => changeRole(actor(admin), request, { userId: user.id, role: "admin" }),
        "user.role_changed",
      ],
      [
        "role back",
        () =>
          changeRole(actor(admin), request, {
            userId: user.id,
            role: "council_editor",
            organisationId: devon.id,
          }),
        "user.role_changed",
      ],
      [
        "disable",
        () => setStatus(actor(admin), request, { userId: user.id, status: "disabled" }),
        "user.disabled",
      ],
      [
        "enable",
        () => setStatus(actor(admin), request, { userId: user.id, status: "active" }),
        "user.enabled",
      ],
    ];
    for (const [label, step, action] of steps) {
      const secret = await sessionFor(user);
      // (A disabled user has no working session to end.)
      if (label !== "enable") expect(await resolveSession(secret), label).not.toBeNull();
      const result = await step();
      expect(result.ok, label).toBe(true);
      const row = await userRow(user.id);
      expect(row.session_version, label).toBe(version + 1);
      version = row.session_version;
      expect(await resolveSession(secret), label).toBeNull();
      const audit = await auditFor(user.id);
      expect(audit.at(-1)!.action, label).toBe(action);
    }
    expect(await userRow(user.id)).toMatchObject({
      status: "active",
      role: "council_editor",
      organisation_id: devon.id,
    });
  });

  it("an administrator cannot disable themselves or change their own role", async () => {
    const admin = await makeUser({ role: "admin" });
    expect(
      await setStatus(actor(admin), request, { userId: admin.id, status: "disabled" }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/cannot disable your own/) });
    expect(
      await changeRole(actor(admin), request, {
        userId: admin.id,
        role: "council_editor",
        organisationId: devon.id,
      }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/cannot change your own role/) });
    expect(await userRow(admin.id)).toMatchObject({ status: "active", role: "admin" });
  });

  it("the last active administrator cannot be disabled or demoted", async () => {
    const admin = await makeUser({ role: "admin" });
    // Inside one transaction, rolled back at the end: every other administrator (the demo
    // one included) is disabled for the moment, so `admin` is the last.
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(
          dsql`update users set status = 'disabled'
               where role = 'admin' and status = 'active' and id <> ${admin.id}`,
        );
        const disable = await setStatus(
          actor(admin),
          request,
          { userId: admin.id, status: "disabled" },
          { db: tx },
        );
        expect(disable).toMatchObject({
          ok: false,
          message: expect.stringMatching(/only active administrator/),
        });
        const demote = await changeRole(
          actor(admin),
          request,
          { userId: admin.id, role: "council_editor", organisationId: devon.id },
          { db: tx },
        );
        expect(demote).toMatchObject({
          ok: false,
          message: expect.stringMatching(/only active administrator/),
        });
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(await userRow(admin.id)).toMatchObject({ status: "active", role: "admin" });
  });

  it("two administrators demoting each other at once: at most one succeeds", async () => {
    for (const kind of ["demote", "disable"] as const) {
      const a = await makeUser({ role: "admin" });
      const b = await makeUser({ role: "admin" });
      const act = (by: Made, target: Made) =>
        kind === "demote"
          ? changeRole(actor(by), request, {
              userId: target.id,
              role: "council_editor",
              organisationId: devon.id,
            })
          : setStatus(actor(by), request, { userId: target.id, status: "disabled" });
      const results = await Promise.all([act(a, b), act(b, a)]);
      expect(
        results.filter((r) => r.ok),
        kind,
      ).toHaveLength(1);
      const refused = results.find((r) => !r.ok);
      expect(refused, kind).toMatchObject({
        message: expect.stringMatching(/no longer an administrator/),
      });
      const rows = [await userRow(a.id), await userRow(b.id)];
      expect(
        rows.filter((r) => r.role === "admin" && r.status === "active"),
        kind,
      ).toHaveLength(1);
    }
  });

  it("disabling revokes unused links; enabling a never-activated user returns them to invited", async () => {
    const admin = await makeUser({ role: "admin" });
    const email = freshEmail("disable-invited");
    const invited = await inviteUser(actor(admin), request, {
      email,
      name: "Never Activated",
      role: "council_editor",
      organisationId: devon.id,
    });
    const userId = invited.ok ? invited.userId : 0;
    const { token } = await linkInMail(email, "/invite/accept");
    expect((await setStatus(actor(admin), request, { userId, status: "disabled" })).ok).toBe(true);
    expect(await peekToken(token, "invite", db)).toEqual({ ok: false, reason: "used" });
    expect((await setStatus(actor(admin), request, { userId, status: "active" })).ok).toBe(true);
    expect((await userRow(userId)).status).toBe("invited");
  });

  it("an admin-sent reset link works like a requested one", async () => {
    const admin = await makeUser({ role: "admin" });
    const user = await makeUser();
    expect((await sendPasswordReset(actor(admin), request, { userId: user.id })).ok).toBe(true);
    const { token } = await linkInMail(user.email, "/reset-password");
    const [row] = await sql<{ created_by_id: number }[]>`
      select created_by_id from auth_tokens where token_hash = ${hashToken(token)}`;
    expect(row!.created_by_id).toBe(admin.id);
    expect(
      (
        await resetPassword(request, {
          token,
          password: NEW_PASSWORD,
          confirmPassword: NEW_PASSWORD,
        })
      ).ok,
    ).toBe(true);
  });
});

describe("own account", () => {
  it("changing the password needs the current one, ends other sessions and keeps this one", async () => {
    const user = await makeUser();
    const here = await sessionFor(user);
    const elsewhere = await sessionFor(user);
    const me = (await resolveSession(here))!;
    expect(me).not.toBeNull();

    const wrong = await changeOwnPassword(me, request, {
      currentPassword: "not-my-password",
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(wrong).toMatchObject({ ok: false, errors: { currentPassword: expect.any(String) } });
    const same = await changeOwnPassword(me, request, {
      currentPassword: PASSWORD,
      newPassword: PASSWORD,
      confirmPassword: PASSWORD,
    });
    expect(same).toMatchObject({ ok: false, errors: { newPassword: expect.any(String) } });

    const done = await changeOwnPassword(me, request, {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(done.ok).toBe(true);
    const fresh = done.ok ? done.secret : "";
    expect(await resolveSession(elsewhere)).toBeNull();
    expect(await resolveSession(here)).toBeNull();
    expect(await resolveSession(fresh)).toMatchObject({ id: user.id });
    expect(await verifyPassword((await userRow(user.id)).password_hash, NEW_PASSWORD)).toBe(true);

    const audit = await auditFor(user.id);
    expect(audit.map((a) => a.action)).toEqual([
      "user.password_change_failed",
      "user.password_changed",
    ]);
    for (const event of audit) {
      expect(event.text).not.toContain(PASSWORD);
      expect(event.text).not.toContain(NEW_PASSWORD);
      expect(event.text).not.toContain("not-my-password");
    }
  });

  it("changing the name is audited and keeps the session", async () => {
    const user = await makeUser();
    const secret = await sessionFor(user);
    const me = (await resolveSession(secret))!;
    expect(await updateOwnName(me, request, { name: "   " })).toMatchObject({
      ok: false,
      errors: { name: "Enter a full name" },
    });
    expect((await updateOwnName(me, request, { name: "  Renamed Person " })).ok).toBe(true);
    expect((await userRow(user.id)).name).toBe("Renamed Person");
    expect(await resolveSession(secret)).toMatchObject({ name: "Renamed Person" });
    const [event] = await auditFor(user.id);
    expect(event).toMatchObject({ action: "user.name_changed" });
  });
});

describe("user queries", () => {
  it("searches by name or email in any case, filters, and pages 25 at a time", async () => {
    const admin = await makeUser({ role: "admin" });
    const made = [];
    for (let i = 0; i < 27; i++) made.push(await makeUser({ organisationId: somerset.id }));
    const all = await listUsers(actor(admin), { q: run.toUpperCase() });
    expect(all.total).toBeGreaterThanOrEqual(28);
    expect(all.users).toHaveLength(25);
    expect(all.pages).toBe(Math.ceil(all.total / 25));
    const page2 = await listUsers(actor(admin), { q: run, page: "2" });
    expect(page2.users.length).toBe(all.total - 25 > 25 ? 25 : all.total - 25);
    expect(page2.users.map((u) => u.id)).not.toContain(all.users[0]!.id);

    const one = await listUsers(actor(admin), { q: made[3]!.email.toUpperCase() });
    expect(one.users).toEqual([
      expect.objectContaining({
        id: made[3]!.id,
        organisationName: somerset.name,
        role: "council_editor",
        status: "active",
      }),
    ]);
    const admins = await listUsers(actor(admin), { q: run, role: "admin" });
    expect(admins.users.every((u) => u.role === "admin")).toBe(true);
    const wildcard = await listUsers(actor(admin), { q: "%" });
    expect(wildcard.users.every((u) => u.email.includes("%") || u.name.includes("%"))).toBe(true);

    expect(await getUser(actor(admin), made[0]!.id)).toMatchObject({
      id: made[0]!.id,
      hasPassword: true,
      organisationName: somerset.name,
    });
    expect(await getUser(actor(admin), 2_000_000_000)).toBeNull();
    await expect(listUsers(actor(made[0]!), {})).rejects.toThrow();
  });

  it("offers organisations that exist today", async () => {
    const options = await organisationOptions();
    expect(options.length).toBeGreaterThan(300);
    expect(options.some((o) => o.id === devon.id)).toBe(true);
    const [ended] = await sql<{ id: number }[]>`
      select id from organisations where end_date < current_date limit 1`;
    if (ended) {
      expect(options.some((o) => o.id === ended.id)).toBe(false);
      expect(
        (await organisationOptions({ include: ended.id })).some((o) => o.id === ended.id),
      ).toBe(true);
    }
  });
});
