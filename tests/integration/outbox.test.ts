import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { connect } from "@/db/client";
import { parseEnv } from "@/lib/env";
import { sendMail } from "@/lib/mail";
import { LINK_REMOVED, mailStartupWarning, outboxMode, readOutbox } from "@/lib/outbox";
import { resetMail } from "@/lib/users/commands/mail";

/* The outbox never shows a usable secret (issue 13, item 5): the admin page's read in each mode. */

const { db, sql } = connect(process.env.DATABASE_URL!, { max: 2 });
const to = `outbox.${randomUUID().slice(0, 8)}@devon.example.org`;
const token = randomBytes(32).toString("base64url");

afterAll(async () => {
  await sql`delete from outbox where to_address = ${to}`;
  await sql.end();
});

const settings = (vars: Record<string, string>) =>
  parseEnv({ DATABASE_URL: "postgres://h/d", NEXTAUTH_SECRET: "x".repeat(32), ...vars });
const PRODUCTION = settings({ NODE_ENV: "production" });
const TEST_SITE = settings({ NODE_ENV: "production", MAIL_OUTBOX_VISIBLE: "true" });
const DEVELOPMENT = settings({ NODE_ENV: "development" });
const WITH_SMTP = settings({
  NODE_ENV: "production",
  SMTP_URL: "smtp://mail.example.org:587",
  MAIL_OUTBOX_VISIBLE: "true",
});

describe("the outbox", () => {
  it("decides its mode from SMTP_URL, NODE_ENV and MAIL_OUTBOX_VISIBLE", () => {
    expect(outboxMode(PRODUCTION)).toBe("hidden");
    expect(outboxMode(settings({ NODE_ENV: "test" }))).toBe("hidden");
    expect(outboxMode(settings({ NODE_ENV: "production", MAIL_OUTBOX_VISIBLE: "false" }))).toBe(
      "hidden",
    );
    expect(outboxMode(TEST_SITE)).toBe("shown");
    expect(outboxMode(DEVELOPMENT)).toBe("shown");
    expect(outboxMode(WITH_SMTP)).toBe("redacted");
    expect(() => settings({ MAIL_OUTBOX_VISIBLE: "yes" })).toThrow(/MAIL_OUTBOX_VISIBLE/);
  });

  it("shows a reset link only where the site is a test or development one", async () => {
    const mail = resetMail("Outbox Tester", token);
    await sendMail({ to, ...mail });
    const query = { to };

    const shown = await readOutbox(TEST_SITE, query, { db });
    expect(shown.mode).toBe("shown");
    expect(shown.mode !== "hidden" && shown.messages.map((m) => m.body)).toEqual([mail.text]);
    expect(mail.text).toContain(`/reset-password?token=${token}`);

    const hidden = await readOutbox(PRODUCTION, query, { db });
    expect(hidden).toEqual({ mode: "hidden" });

    const redacted = await readOutbox(WITH_SMTP, query, { db });
    if (redacted.mode !== "redacted") throw new Error(`mode ${redacted.mode}`);
    expect(redacted.total).toBe(1);
    const [message] = redacted.messages;
    expect(message!.subject).toBe(mail.subject);
    expect(message!.body).not.toContain(token);
    expect(message!.body).not.toMatch(/https?:|reset-password/);
    expect(message!.body).toBe(mail.text.replace(/^http\S+$/m, LINK_REMOVED));
  });

  it("warns at start-up only in production without SMTP", () => {
    expect(mailStartupWarning(PRODUCTION)).toMatch(
      /SMTP_URL is not set, so no mail is sent.*\/admin\/outbox does not show them/,
    );
    expect(mailStartupWarning(TEST_SITE)).toMatch(/use it only on a test site/);
    expect(mailStartupWarning(DEVELOPMENT)).toBeNull();
    expect(mailStartupWarning(WITH_SMTP)).toBeNull();
  });
});
