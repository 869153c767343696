// The check at the top of every dashboard API route: 401 without valid
// credentials, 403 when the role is too low, and for changes made with a
// browser's session cookie, the same-origin check that stops cross-site
// requests (a bearer token is never sent by a browser on its own).
import { assertSameOrigin } from "../api/browser-guard";
import { AppError } from "../errors";
import { authenticate } from "./authenticate";
import type { Principal } from "./principal";
import { hasRole, type Role } from "./roles";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function requireRole(req: Request, need: Role): Promise<Principal> {
  const who = await authenticate(req.headers);
  if (!who) throw new AppError("unauthorized", "Sign in, or send Authorization: Bearer <API token>");
  if (who.kind !== "token" && !SAFE_METHODS.has(req.method)) assertSameOrigin(req);
  if (!hasRole(who.role, need))
    throw new AppError("forbidden", `This needs the ${need} role; you are signed in as ${who.role}`, {
      role: who.role,
      required: need,
    });
  return who;
}
