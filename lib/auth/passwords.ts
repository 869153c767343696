// Local account passwords: argon2id (@node-rs/argon2, prebuilt, no install
// script), with the library's defaults (OWASP's recommended parameters).
import { hash, verify } from "@node-rs/argon2";

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    // a malformed stored hash is a failed sign-in, not a 500
    return false;
  }
}

/**
 * Spend the time of one verification when there is no user to check, so the
 * answer's timing does not tell which e-mail addresses have accounts.
 */
let dummy: Promise<string> | undefined;
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hash("not a real password, only for timing");
  await verifyPassword(await dummy, password);
  return false;
}
