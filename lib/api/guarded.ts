// A dashboard API handler behind a role: authenticates, checks the role (and
// the origin of cookie-authenticated changes), then runs `fn` with the caller.
import { requireRole } from "../auth/guard";
import type { Principal } from "../auth/principal";
import type { Role } from "../auth/roles";
import { withErrors } from "../errors";

export function guarded<C = unknown>(
  role: Role,
  fn: (req: Request, ctx: C, who: Principal) => Promise<Response>,
): (req: Request, ctx: C) => Promise<Response> {
  return withErrors(async (req: Request, ctx: C) => fn(req, ctx, await requireRole(req, role)));
}
