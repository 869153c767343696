// The authenticated caller of a request, and the actor name the audit trail records for it.
import type { Role } from "./roles";

export type Principal =
  | { kind: "session"; role: Role; actor: `user:${string}`; userId: string; email: string; name: string | null }
  | { kind: "token"; role: Role; actor: `token:${string}`; tokenId: string | null }
  | { kind: "disabled"; role: "admin"; actor: "demo" };

/** the audit actor of the bootstrap token from RCA_ADMIN_TOKEN */
export const BOOTSTRAP_TOKEN_ACTOR = "token:RCA_ADMIN_TOKEN" as const;

/** What the dashboard shows of a principal (GET /api/me). */
export type Me = ReturnType<typeof describePrincipal>;

export function describePrincipal(p: Principal) {
  return {
    actor: p.actor,
    role: p.role,
    kind: p.kind,
    email: p.kind === "session" ? p.email : null,
    name: p.kind === "session" ? (p.name ?? p.email) : p.kind === "token" ? p.actor.slice("token:".length) : "demo",
  };
}
