import { z } from "zod";

/**
 * Which proxies in front of the app may say who the client is (README, "Behind a proxy"): none
 * (the socket's address is the client's; X-Forwarded-For is ignored), the number of proxies
 * every request passes through, or the networks the proxies' own addresses are in.
 */
export type TrustedProxies =
  { kind: "none" } | { kind: "hops"; hops: number } | { kind: "networks"; networks: string[] };

const TRUSTED_PROXIES_MESSAGE =
  "TRUSTED_PROXIES must be the number of proxies in front of the app (1 to 10), or a comma-separated list of their addresses or networks, e.g. 10.0.0.0/8, fd00::/8";
const network = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);

const trustedProxies = z
  .string()
  .trim()
  .default("")
  .transform((value, ctx): TrustedProxies => {
    if (value === "" || value === "0") return { kind: "none" };
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops <= 10) return { kind: "hops", hops };
    } else {
      const networks = value.split(",").map((part) => part.trim().toLowerCase());
      if (networks.every((part) => network.safeParse(part).success)) {
        return { kind: "networks", networks };
      }
    }
    ctx.addIssue({ code: "custom", message: TRUSTED_PROXIES_MESSAGE });
    return z.NEVER;
  });

/**
 * The environment, parsed once. A missing or malformed variable stops start-up with a
 * sentence that names it, rather than failing deep inside a request.
 */
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({
        error:
          "DATABASE_URL is not set. Start the app with `npm run dev` (embedded database) or set DATABASE_URL to a PostgreSQL URL.",
      })
      .refine(isPostgresUrl, {
        message: "DATABASE_URL must look like postgres://user:password@host:5432/database",
      }),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    NEXTAUTH_SECRET: z
      .string({
        error:
          "NEXTAUTH_SECRET is not set. Set it to a random string of at least 32 characters (openssl rand -base64 32); npm run dev makes one for you.",
      })
      .min(32, { message: "NEXTAUTH_SECRET must be at least 32 characters long." }),
    NEXTAUTH_URL: z
      .url({
        message:
          "NEXTAUTH_URL must be the site's public address, e.g. https://shared-services.example.org",
      })
      .optional(),
    // Single sign-on through any OpenID Connect issuer (e.g. Microsoft Entra ID): all three or none.
    OIDC_ISSUER: z.url({ message: "OIDC_ISSUER must be the issuer's URL." }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default("your organisation's account"),
    SMTP_URL: z
      .url({ message: "SMTP_URL must look like smtp://user:password@host:587" })
      .optional(),
    TRUSTED_PROXIES: trustedProxies,
    MAIL_FROM: z.string().min(3).default("Council Shared Services Map <no-reply@localhost>"),
    // Without SMTP the outbox holds live reset and invitation links: shown at /admin/outbox only
    // in development or when this is "true" (a test site; the test suite sets it).
    MAIL_OUTBOX_VISIBLE: z
      .enum(["true", "false"], { message: 'MAIL_OUTBOX_VISIBLE must be "true" or "false".' })
      .default("false")
      .transform((value) => value === "true"),
  })
  .refine(
    (e) => [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length % 3 === 0,
    {
      message: "set all three of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none",
      path: ["OIDC_ISSUER"],
    },
  );

export type Env = z.infer<typeof schema>;

export function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.pathname.length > 1
    );
  } catch {
    return false;
  }
}

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment.\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
