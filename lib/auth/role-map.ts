// An Entra ID user's role from their token: app roles (the "roles" claim) and
// group object ids (the "groups" claim) looked up in AUTH_ROLE_MAP, highest
// match wins; no match gives AUTH_DEFAULT_ROLE ("none": not let in).
import { env } from "../env";
import { higherRole, type Role } from "./roles";

export function roleFromClaims(claims: { roles?: unknown; groups?: unknown }): Role | null {
  const e = env();
  const values = [claims.roles, claims.groups].flatMap((v) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [],
  );
  let best: Role | null = null;
  for (const value of values) {
    const mapped = e.AUTH_ROLE_MAP[value];
    if (mapped) best = best ? higherRole(best, mapped) : mapped;
  }
  return best ?? (e.AUTH_DEFAULT_ROLE === "none" ? null : e.AUTH_DEFAULT_ROLE);
}
