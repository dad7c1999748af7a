import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * Argon2id at OWASP's minimum (19 MiB, 2 iterations, 1 lane). `algorithm: 2` is
 * Algorithm.Argon2id: the const enum cannot be read under isolatedModules.
 */
export const PASSWORD_HASH_OPTIONS = {
  algorithm: 2,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// ~49,000 most common passwords (zxcvbn-ts's list), lower-cased for a case-blind match.
const COMMON = new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
export const COMMON_PASSWORD_COUNT = COMMON.size;

/** NIST-style rules: length and "not a common password"; no composition rules. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Password must be ${PASSWORD_MIN} characters or more`;
  if (length > PASSWORD_MAX) return `Password must be ${PASSWORD_MAX} characters or fewer`;
  if (COMMON.has(password.toLowerCase())) {
    return "That password is one of the most commonly used: choose one that is harder to guess";
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

// A real hash of a random string: verifying against it costs what a real check costs, so a
// sign-in for an unknown email takes as long as one with a wrong password.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword(crypto.randomUUID());
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
