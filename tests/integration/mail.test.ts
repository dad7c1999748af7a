import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { connect } from "@/db/client";
import { outbox } from "@/db/schema";
import { latestOutboxMessageTo, listOutbox, sendMail } from "@/lib/mail";
import { Rollback } from "../support/db";

const { db, sql } = connect(process.env.DATABASE_URL!, { max: 2 });
const run = randomUUID().slice(0, 8);
const address = (name: string) => `${name}.${run}@devon.example.org`;

afterAll(async () => {
  await sql`delete from outbox where to_address like ${`%.${run}@devon.example.org`}`;
  await sql.end();
});

// Each test decides whether SMTP is configured; the suite leaves the environment as it found it.
const savedEnv = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };
beforeEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
});
afterEach(() => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function outboxRowsTo(to: string) {
  return sql<{ subject: string; body: string }[]>`
    select subject, body from outbox where lower(to_address) = lower(${to}) order by id`;
}

describe("sendMail without SMTP", () => {
  it("keeps the message in the outbox, readable by address in any case", async () => {
    const to = address("Editor");
    const sent = await sendMail(
      { to, subject: "Reset your password", text: "Open http://127.0.0.1/reset/abc" },
      { tx: db },
    );
    expect(sent.via).toBe("outbox");

    const latest = await latestOutboxMessageTo(to.toUpperCase(), { db });
    expect(latest).toMatchObject({
      toAddress: to,
      subject: "Reset your password",
      body: "Open http://127.0.0.1/reset/abc",
    });
    expect(sent.via === "outbox" && sent.id).toBe(latest!.id);
  });

  it("writes through the caller's transaction: a rollback leaves no mail", async () => {
    const to = address("rolled-back");
    await expect(
      db.transaction(async (tx) => {
        await sendMail({ to, subject: "Invitation", text: "secret link" }, { tx });
        // Inside the transaction the row is visible...
        expect(await tx.$count(outbox, eq(outbox.toAddress, to))).toBe(1);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    // ...and after the rollback it is gone.
    expect(await outboxRowsTo(to)).toEqual([]);
    expect(await latestOutboxMessageTo(to, { db })).toBeNull();
  });

  it("keeps mail written in a transaction that commits", async () => {
    const to = address("committed");
    await db.transaction(async (tx) => {
      await sendMail({ to, subject: "Invitation", text: "welcome" }, { tx });
    });
    expect(await outboxRowsTo(to)).toEqual([{ subject: "Invitation", body: "welcome" }]);
  });

  it("refuses a bad address or an empty or multi-line subject, writing nothing", async () => {
    const to = address("invalid");
    await expect(
      sendMail({ to: "not an email", subject: "Hi", text: "x" }, { tx: db }),
    ).rejects.toThrow(/valid email/);
    await expect(sendMail({ to, subject: "   ", text: "x" }, { tx: db })).rejects.toThrow(
      /subject/,
    );
    await expect(
      sendMail({ to, subject: "Hi\r\nBcc: victim@example.org", text: "x" }, { tx: db }),
    ).rejects.toThrow(/one line/);
    expect(await outboxRowsTo(to)).toEqual([]);
  });

  it("lists the outbox newest first, filtered by address, with a total", async () => {
    const to = address("lister");
    for (const subject of ["First", "Second", "Third"]) {
      await sendMail({ to, subject, text: subject }, { tx: db });
    }
    const page = await listOutbox({ to: to.toUpperCase(), limit: 2 }, { db });
    expect(page.total).toBe(3);
    expect(page.messages.map((m) => m.subject)).toEqual(["Third", "Second"]);
    const next = await listOutbox({ to, limit: 2, offset: 2 }, { db });
    expect(next.messages.map((m) => m.subject)).toEqual(["First"]);
  });
});

describe("sendMail with SMTP", () => {
  type Received = { from: string; to: string[]; user: string | undefined; raw: string };
  const received: Received[] = [];
  const sink = new SMTPServer({
    // Plain SMTP with AUTH on loopback, so the credentials in SMTP_URL are exercised too.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "mailer" && auth.password === "s3cret pass") {
        callback(null, { user: auth.username });
      } else {
        callback(new Error("Invalid username or password"));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user as string | undefined,
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  let port = 0;

  beforeEach(async () => {
    if (port) return;
    await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
    port = (sink.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => sink.close(() => resolve())));

  it("delivers to a real SMTP server: envelope, headers and body, and no outbox row", async () => {
    process.env.SMTP_URL = `smtp://mailer:${encodeURIComponent("s3cret pass")}@127.0.0.1:${port}`;
    const to = address("smtp");
    const log = vi.spyOn(console, "log");
    const warn = vi.spyOn(console, "warn");
    const error = vi.spyOn(console, "error");

    const sent = await sendMail(
      {
        to,
        subject: "Your sign-in link",
        text: "Use this link to sign in:\nhttp://127.0.0.1:3000/sign-in/token-123\n",
      },
      { tx: db },
    );

    expect(sent.via).toBe("smtp");
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.user).toBe("mailer");
    expect(mail.from).toBe("no-reply@localhost");
    expect(mail.to).toEqual([to]);

    const [head = "", body = ""] = mail.raw.split("\r\n\r\n");
    expect(head).toMatch(/^From: Council Shared Services Map <no-reply@localhost>$/m);
    expect(head).toMatch(new RegExp(`^To: ${to.replace(/\./g, "\\.")}$`, "m"));
    expect(head).toMatch(/^Subject: Your sign-in link$/m);
    expect(body.replace(/\r\n/g, "\n")).toBe(
      "Use this link to sign in:\nhttp://127.0.0.1:3000/sign-in/token-123\n",
    );

    expect(await outboxRowsTo(to)).toEqual([]);
    // Nothing logged the body (it carries the token).
    for (const spy of [log, warn, error]) {
      expect(JSON.stringify(spy.mock.calls)).not.toContain("token-123");
      spy.mockRestore();
    }
  });

  it("uses MAIL_FROM and fails loudly when the server refuses the login", async () => {
    process.env.MAIL_FROM = "Shared Services <mail@council.example.org>";
    process.env.SMTP_URL = `smtp://mailer:wrong@127.0.0.1:${port}`;
    await expect(sendMail({ to: address("refused"), subject: "Hello", text: "x" })).rejects.toThrow(
      /Invalid login|Invalid username/,
    );

    process.env.SMTP_URL = `smtp://mailer:${encodeURIComponent("s3cret pass")}@127.0.0.1:${port}`;
    const before = received.length;
    await sendMail({ to: address("from"), subject: "Hello", text: "x" });
    expect(received[before]!.from).toBe("mail@council.example.org");
    expect(received[before]!.raw).toMatch(/^From: Shared Services <mail@council\.example\.org>$/m);
  });
});
