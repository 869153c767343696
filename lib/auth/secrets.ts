// Random secrets and their stored form. Tokens and setup links are stored as
// SHA-256 only: they are 256-bit random, so a slow hash adds nothing, and a
// leaked database does not hand out working credentials.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new secret value, URL-safe, with a prefix that says what it is (e.g. "rcad_"). */
export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Constant-time comparison of two secrets of any length. */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest());
}
