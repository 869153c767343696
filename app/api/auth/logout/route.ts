// Sign out: ends the session in the database and clears its cookie.
import { assertSameOrigin } from "@/lib/api/browser-guard";
import { authenticate } from "@/lib/auth/authenticate";
import { auditAccount } from "@/lib/auth/audit";
import { clearedSessionCookies, endSession, sessionTokenFrom } from "@/lib/auth/sessions";
import { withErrors } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const POST = withErrors(async (req: Request) => {
  assertSameOrigin(req);
  const token = sessionTokenFrom(req.headers.get("cookie"));
  if (token) {
    const who = await authenticate(req.headers);
    await endSession(token);
    if (who?.kind === "session") await auditAccount(who.actor, "signed out", {});
  }
  const headers = new Headers({ "cache-control": "no-store" });
  for (const c of clearedSessionCookies()) headers.append("set-cookie", c);
  return new Response(null, { status: 204, headers });
});
