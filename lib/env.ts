import { z } from "zod";

/**
 * The environment, parsed once. A missing or malformed variable stops start-up with a
 * sentence that names it, rather than failing deep inside a request.
 */
const schema = z.object({
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
});

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
