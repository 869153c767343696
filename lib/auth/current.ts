// The signed-in caller of the page being rendered (server components only).
import "server-only";
import { headers } from "next/headers";
import { authenticate } from "./authenticate";
import type { Principal } from "./principal";

export async function currentPrincipal(): Promise<Principal | null> {
  return authenticate(await headers());
}

/** The page's path and query, set by proxy.ts, for the login page's way back. */
export async function currentPath(): Promise<string> {
  const path = (await headers()).get("x-rca-path");
  return path && path.startsWith("/") && !path.startsWith("//") ? path : "/";
}
