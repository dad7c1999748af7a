import "server-only";
import { count, desc, eq, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { z } from "zod";
import { db as appDb, type Db, type DbOrTx } from "@/db/client";
import { outbox } from "@/db/schema";

/**
 * Outgoing mail. With SMTP_URL set it goes out through that server; without it (development,
 * tests, a site not yet given a mail server) it is kept in the `outbox` table, where admins
 * and tests can read it.
 *
 * Bodies carry sign-in and reset links, so nothing here ever logs a body.
 */

export type OutboxMessage = typeof outbox.$inferSelect;

const DEFAULT_FROM = "Council Shared Services Map <no-reply@localhost>";

const messageSchema = z.object({
  to: z.email({ message: "Enter a valid email address" }).max(320),
  subject: z
    .string()
    .trim()
    .min(1, { message: "Enter a subject" })
    .max(200)
    // nodemailer encodes headers safely, but a line break in a subject is always a bug upstream.
    .refine((s) => !/[\r\n]/.test(s), { message: "A subject must be on one line" }),
  text: z.string(),
});

export type MailMessage = z.input<typeof messageSchema>;

export type SentMail = { via: "smtp"; messageId: string } | { via: "outbox"; id: number };

/**
 * Sends `message`, or keeps it in the outbox when no SMTP server is configured.
 *
 * Pass `tx` to write the outbox row in the caller's transaction: the mail then exists only if
 * the change that caused it (a reset token, an invitation) commits. With SMTP the mail leaves at
 * once, so call this as the last step inside the transaction: if the server refuses it, the
 * error rolls the change back instead of leaving a token nobody received.
 */
export async function sendMail(
  message: MailMessage,
  options: { tx?: DbOrTx } = {},
): Promise<SentMail> {
  const { to, subject, text } = messageSchema.parse(message);

  // Read at send time, not start-up, so tests (and a restarted config) can switch paths.
  const smtpUrl = process.env.SMTP_URL?.trim();
  if (smtpUrl) {
    const info = await transport(smtpUrl).sendMail({
      from: process.env.MAIL_FROM?.trim() || DEFAULT_FROM,
      to,
      subject,
      text,
    });
    return { via: "smtp", messageId: info.messageId };
  }

  warnOnceInProduction();
  const [row] = await (options.tx ?? appDb())
    .insert(outbox)
    .values({ toAddress: to, subject, body: text })
    .returning({ id: outbox.id });
  return { via: "outbox", id: row!.id };
}

const listSchema = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
  to: z.string().trim().min(1).optional(),
});

/** Newest first, optionally only mail to one address (case-insensitive), for the admin page. */
export async function listOutbox(
  query: z.input<typeof listSchema> = {},
  options: { db?: Db } = {},
): Promise<{ messages: OutboxMessage[]; total: number }> {
  const { limit, offset, to } = listSchema.parse(query);
  const database = options.db ?? appDb();
  const where =
    to === undefined ? undefined : eq(sql`lower(${outbox.toAddress})`, to.toLowerCase());
  const [messages, [totals]] = await Promise.all([
    database
      .select()
      .from(outbox)
      .where(where)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(limit)
      .offset(offset),
    database.select({ total: count() }).from(outbox).where(where),
  ]);
  return { messages, total: totals?.total ?? 0 };
}

/** The most recent mail to `email` (case-insensitive), or null: how e2e tests read their links. */
export async function latestOutboxMessageTo(
  email: string,
  options: { db?: Db } = {},
): Promise<OutboxMessage | null> {
  const [message] = await (options.db ?? appDb())
    .select()
    .from(outbox)
    .where(eq(sql`lower(${outbox.toAddress})`, email.trim().toLowerCase()))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(1);
  return message ?? null;
}

let cached: { url: string; transporter: Transporter<SMTPTransport.SentMessageInfo> } | undefined;

/** One transport per SMTP_URL, made on first use and replaced only if the URL changes. */
function transport(url: string) {
  if (cached?.url !== url) {
    cached?.transporter.close();
    cached = {
      url,
      // Built from SMTPTransport because createTransport() drops every option but the URL's
      // when given a `url`. Short timeouts: a user is waiting on the request that sends this.
      transporter: nodemailer.createTransport(
        new SMTPTransport({
          url,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
          // nodemailer's logger can print whole messages; never switch it on here.
          logger: false,
          debug: false,
        }),
      ),
    };
  }
  return cached.transporter;
}

let warned = false;
function warnOnceInProduction() {
  if (warned || process.env.NODE_ENV !== "production") return;
  warned = true;
  console.warn("SMTP_URL is not set: mail is kept in the outbox table, not sent.");
}
