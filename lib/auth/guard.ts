// The check at the top of every dashboard API route: 401 without valid
// credentials, 403 when the role is too low, and for every change the
// same-origin check that stops cross-site requests riding on a browser's
// session cookie (scripts send no Origin and pass).
import { assertSameOrigin } from "../api/browser-guard";
import { AppError } from "../errors";
import { authenticate } from "./authenticate";
import type { Principal } from "./principal";
import { hasRole, type Role } from "./roles";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function requireRole(req: Request, need: Role): Promise<Principal> {
  const who = await authenticate(req.headers);
  if (!who) throw new AppError("unauthorized", "Sign in, or send Authorization: Bearer <API token>");
  if (!SAFE_METHODS.has(req.method)) assertSameOrigin(req);
  if (!hasRole(who.role, need))
    throw new AppError("forbidden", `This needs the ${need} role; you are signed in as ${who.role}`, {
      role: who.role,
      required: need,
    });
  return who;
}
