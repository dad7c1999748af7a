// resolveSession reads the environment through db(); the runner sets both, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, sql } from "@/db/client";
import {
  ABSOLUTE_TIMEOUT_SECONDS,
  createSession,
  endSession,
  hashSecret,
  IDLE_TIMEOUT_SECONDS,
  resolveSession,
} from "@/lib/auth/sessions";

afterAll(() => sql().end());

async function userWithSession() {
  const [user] = await sql()<{ id: number; session_version: number }[]>`
    insert into users (email, name, role) values (${`s-${randomUUID()}@test.example.org`}, 'S', 'admin')
    returning id, session_version`;
  const secret = await createSession(db(), {
    userId: user!.id,
    sessionVersion: user!.session_version,
    provider: "password",
  });
  return { userId: user!.id, secret, id: hashSecret(secret) };
}

async function endReason(id: string) {
  const [row] = await sql()<{ end_reason: string | null }[]>`
    select end_reason from sessions where id = ${id}`;
  return row!.end_reason;
}

describe("server-side sessions", () => {
  it("stores only a hash of the secret the cookie carries", async () => {
    const s = await userWithSession();
    const rows = await sql()`select 1 from sessions where id = ${s.secret}`;
    expect(rows).toHaveLength(0);
    expect(await resolveSession(s.secret)).toMatchObject({ id: s.userId, sessionId: s.id });
  });

  it("ends after 30 minutes without a request, and stays ended", async () => {
    const s = await userWithSession();
    await sql()`update sessions set last_seen_at = now() - ${`${IDLE_TIMEOUT_SECONDS - 30} seconds`}::interval where id = ${s.id}`;
    expect(await resolveSession(s.secret)).not.toBeNull(); // 29.5 minutes idle: still good
    await sql()`update sessions set last_seen_at = now() - ${`${IDLE_TIMEOUT_SECONDS + 1} seconds`}::interval where id = ${s.id}`;
    expect(await resolveSession(s.secret)).toBeNull();
    expect(await endReason(s.id)).toBe("idle-timeout");
    await sql()`update sessions set last_seen_at = now() where id = ${s.id}`;
    expect(await resolveSession(s.secret)).toBeNull();
  });

  it("ends 12 hours after sign-in however active it is", async () => {
    const s = await userWithSession();
    await sql()`update sessions set created_at = now() - ${`${ABSOLUTE_TIMEOUT_SECONDS + 1} seconds`}::interval where id = ${s.id}`;
    expect(await resolveSession(s.secret)).toBeNull();
    expect(await endReason(s.id)).toBe("absolute-timeout");
  });

  it("ends when the user is disabled, or their session version is raised", async () => {
    const a = await userWithSession();
    await sql()`update users set status = 'disabled' where id = ${a.userId}`;
    expect(await resolveSession(a.secret)).toBeNull();
    expect(await endReason(a.id)).toBe("user-disabled");

    const b = await userWithSession();
    await sql()`update users set session_version = session_version + 1 where id = ${b.userId}`;
    expect(await resolveSession(b.secret)).toBeNull();
    expect(await endReason(b.id)).toBe("user-changed");
  });

  it("ends on sign-out, and an unknown secret is nobody", async () => {
    const s = await userWithSession();
    await endSession(db(), s.id, "logout");
    expect(await resolveSession(s.secret)).toBeNull();
    expect(await resolveSession("not-a-session")).toBeNull();
  });
});
