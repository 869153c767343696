// Sign in with a local account ({"email", "password"}): sets the session cookie.
import { readChangeBody } from "@/lib/api/browser-guard";
import { loginBody, signInLocal } from "@/lib/auth/login";
import { isSecureRequest, sessionCookie } from "@/lib/auth/sessions";
import { clientAddress } from "@/lib/api/client-address";
import { jsonResponse, withErrors } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const POST = withErrors(async (req: Request) => {
  const body = await readChangeBody(req, loginBody, 'expected {"email": "...", "password": "..."}');
  const session = await signInLocal(body, clientAddress(req.headers));
  return jsonResponse({ email: session.email }, 200, {
    "set-cookie": sessionCookie(session.token, session.expires, isSecureRequest(req)),
  });
});
