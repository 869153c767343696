// Revoke an API token (admins only): it stops working at once.
import { guarded } from "@/lib/api/guarded";
import { revokeToken } from "@/lib/auth/api-tokens";
import { auditAccount } from "@/lib/auth/audit";
import { jsonResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const DELETE = guarded("admin", async (_req: Request, ctx: Ctx, who) => {
  const { id } = await ctx.params;
  const token = await revokeToken(id);
  await auditAccount(who.actor, "token revoked", { name: token.name });
  return jsonResponse(token);
});
