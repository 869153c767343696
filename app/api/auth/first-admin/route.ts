// First run: create the first admin with the one-time setup link's token, and sign them in.
import { readChangeBody } from "@/lib/api/browser-guard";
import { createFirstAdmin, firstAdminBody } from "@/lib/auth/first-run";
import { createSession, isSecureRequest, sessionCookie } from "@/lib/auth/sessions";
import { jsonResponse, withErrors } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const POST = withErrors(async (req: Request) => {
  const body = await readChangeBody(req, firstAdminBody, 'expected {"token", "email", "password"}');
  const user = await createFirstAdmin(body);
  const session = await createSession(user.id);
  return jsonResponse({ email: user.email, role: "admin" }, 201, {
    "set-cookie": sessionCookie(session.token, session.expires, isSecureRequest(req)),
  });
});
