"use client";
// Who is signed in, for client components: buttons a role cannot use are not shown.
// (The API checks every change again; hiding is only so nobody clicks into a 403.)
import { createContext, useContext, type ReactNode } from "react";
import type { Role } from "@/lib/auth/roles";

export interface Me {
  actor: string;
  role: Role;
  kind: "session" | "token" | "disabled";
  name: string;
  email: string | null;
}

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };
const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

export function useMe(): Me | null {
  return useContext(MeContext);
}

/** Whether the signed-in caller has at least `role` (false outside the dashboard). */
export function useCan(role: Role): boolean {
  const me = useContext(MeContext);
  return !!me && RANK[me.role] >= RANK[role];
}
