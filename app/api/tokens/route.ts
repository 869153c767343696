// API tokens (admins only): GET the list, POST {"name", "role", "expiresInDays"?} (the value is in this answer only).
import { readChangeBody } from "@/lib/api/browser-guard";
import { guarded } from "@/lib/api/guarded";
import { createToken, createTokenBody, listTokens } from "@/lib/auth/api-tokens";
import { auditAccount } from "@/lib/auth/audit";
import { jsonResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = guarded("admin", async () => jsonResponse({ tokens: await listTokens() }));

export const POST = guarded("admin", async (req, _ctx, who) => {
  const body = await readChangeBody(req, createTokenBody, 'expected {"name", "role", "expiresInDays"?}');
  const token = await createToken(body, who.actor);
  await auditAccount(who.actor, "token created", { name: token.name, role: token.role, expiresAt: token.expiresAt });
  return jsonResponse(token, 201);
});
