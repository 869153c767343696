// Signed-in sessions: rows of the Session table (the one Auth.js's Prisma
// adapter writes for Microsoft Entra ID sign-ins), named by an opaque random
// token in an HttpOnly cookie. Local sign-ins create the same rows, so one
// reader serves both, and signing out or disabling a user ends them at once.
import { db } from "../db";
import { env } from "../env";
import { newSecret } from "./secrets";

/** Auth.js's cookie names: the __Secure- one is used over https. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export function sessionCookieName(secure: boolean): string {
  return secure ? SESSION_COOKIES[0] : SESSION_COOKIES[1];
}

/** The session token a request carries, if any. */
export function sessionTokenFrom(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if ((SESSION_COOKIES as readonly string[]).includes(name)) {
      const value = decodeURIComponent(part.slice(eq + 1).trim());
      if (value) return value;
    }
  }
  return null;
}

export async function createSession(userId: string): Promise<{ token: string; expires: Date }> {
  const token = newSecret();
  const expires = new Date(Date.now() + env().SESSION_MAX_AGE_HOURS * 3600_000);
  await db().session.create({ data: { sessionToken: token, userId, expires } });
  return { token, expires };
}

/** The live session's user, or null (unknown, expired, or the user was disabled). */
export async function sessionUser(token: string) {
  const row = await db().session.findUnique({
    where: { sessionToken: token },
    select: { expires: true, user: { select: { id: true, email: true, name: true, role: true, disabled: true } } },
  });
  if (!row || row.expires.getTime() <= Date.now() || row.user.disabled) return null;
  return row.user;
}

export async function endSession(token: string): Promise<void> {
  await db().session.deleteMany({ where: { sessionToken: token } });
}

/** Set-Cookie for a new session: HttpOnly, SameSite=Lax, Secure over https. */
export function sessionCookie(token: string, expires: Date, secure: boolean): string {
  const attrs = [
    `Path=/`,
    `Expires=${expires.toUTCString()}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(secure ? ["Secure"] : []),
  ];
  return `${sessionCookieName(secure)}=${encodeURIComponent(token)}; ${attrs.join("; ")}`;
}

/** Set-Cookie headers that remove both session cookies. */
export function clearedSessionCookies(): string[] {
  return SESSION_COOKIES.map(
    (name) =>
      `${name}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`,
  );
}

/** Whether the browser reached us over https (directly, or through a proxy that says so). */
export function isSecureRequest(req: Request): boolean {
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  if (proto) return proto === "https";
  return new URL(req.url).protocol === "https:";
}
