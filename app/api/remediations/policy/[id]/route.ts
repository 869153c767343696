// One policy rule: PUT replaces it, DELETE removes it (each with an audit entry).
import { guarded } from "@/lib/api/guarded";
import { assertSameOrigin, readChangeBody } from "@/lib/api/browser-guard";
import { db } from "@/lib/db";
import { jsonResponse } from "@/lib/errors";
import { deleteRule, updateRule } from "@/lib/remediation/store";
import { policyRuleInput } from "@/lib/remediation/types";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const PUT = guarded("admin", async (req: Request, ctx: Ctx, who) => {
  const rule = await readChangeBody(req, policyRuleInput, "expected a policy rule");
  const { id } = await ctx.params;
  return jsonResponse(await updateRule(db(), id, rule, who.actor));
});

export const DELETE = guarded("admin", async (req: Request, ctx: Ctx, who) => {
  assertSameOrigin(req);
  const { id } = await ctx.params;
  await deleteRule(db(), id, who.actor);
  return new Response(null, { status: 204 });
});
