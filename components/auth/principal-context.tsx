"use client";
// Who is signed in, for client components: buttons a role cannot use are not shown.
// (The API checks every change again; hiding is only so nobody clicks into a 403.)
import { createContext, useContext, type ReactNode } from "react";
import type { Me } from "@/lib/auth/principal";
import { hasRole, type Role } from "@/lib/auth/roles";

export type { Me };

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
  return !!me && hasRole(me.role, role);
}
