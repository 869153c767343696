// Who may do what: three roles, each including the one below it.
//   viewer   reads tickets, metrics, deliveries, audit
//   operator also acknowledges, resolves, reopens, re-runs RCA, approves or rejects fixes
//   admin    also manages users, tokens, remediation policy and integration settings
import { z } from "zod";

export const ROLES = ["viewer", "operator", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

export function hasRole(have: Role, need: Role): boolean {
  return RANK[have] >= RANK[need];
}

/** The higher of two roles (an Entra ID user in several mapped groups gets the best). */
export function higherRole(a: Role, b: Role): Role {
  return RANK[a] >= RANK[b] ? a : b;
}

/** A role read from the database; anything unexpected is the least privilege. */
export function asRole(value: string): Role {
  return roleSchema.safeParse(value).data ?? "viewer";
}
