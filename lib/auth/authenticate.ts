// Who is calling: a bearer token (RCA_ADMIN_TOKEN or a named API token), a
// session cookie, or — with AUTH_DISABLED=true — everyone, as a demo admin.
import { env } from "../env";
import { tokenByValue } from "./api-tokens";
import { BOOTSTRAP_TOKEN_ACTOR, type Principal } from "./principal";
import { asRole } from "./roles";
import { sameSecret } from "./secrets";
import { sessionTokenFrom, sessionUser } from "./sessions";

/** What authentication reads of a request: its headers (a Request's, or next/headers' in a page). */
export interface HeaderSource {
  get(name: string): string | null;
}

function bearer(headers: HeaderSource): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return m ? m[1] : null;
}

/** The caller, or null when the request carries no valid credentials. */
export async function authenticate(headers: HeaderSource): Promise<Principal | null> {
  const config = env();
  if (config.AUTH_DISABLED) return { kind: "disabled", role: "admin", actor: "demo" };
  const token = bearer(headers);
  if (token) {
    if (config.RCA_ADMIN_TOKEN && sameSecret(token, config.RCA_ADMIN_TOKEN))
      return { kind: "token", role: "admin", actor: BOOTSTRAP_TOKEN_ACTOR, tokenId: null };
    const named = await tokenByValue(token);
    // a bearer that is not valid is refused even if a cookie is present: the caller meant the token
    return named ? { kind: "token", role: named.role, actor: `token:${named.name}`, tokenId: named.id } : null;
  }
  const session = sessionTokenFrom(headers.get("cookie"));
  if (session) {
    const user = await sessionUser(session);
    if (user)
      return {
        kind: "session",
        role: asRole(user.role),
        actor: `user:${user.email}`,
        userId: user.id,
        email: user.email,
        name: user.name,
      };
  }
  return null;
}
