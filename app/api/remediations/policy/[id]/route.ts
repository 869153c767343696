// One policy rule: PUT replaces it, DELETE removes it (each with an audit entry).
import { assertSameOrigin, readChangeBody } from "@/lib/api/browser-guard";
import { db } from "@/lib/db";
import { jsonResponse, withErrors } from "@/lib/errors";
import { deleteRule, updateRule } from "@/lib/remediation/store";
import { policyRuleInput } from "@/lib/remediation/types";
import { ANONYMOUS_ACTOR } from "@/lib/tickets/update";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const PUT = withErrors(async (req: Request, ctx: Ctx) => {
  const rule = await readChangeBody(req, policyRuleInput, "expected a policy rule");
  const { id } = await ctx.params;
  return jsonResponse(await updateRule(db(), id, rule, ANONYMOUS_ACTOR));
});

export const DELETE = withErrors(async (req: Request, ctx: Ctx) => {
  assertSameOrigin(req);
  const { id } = await ctx.params;
  await deleteRule(db(), id, ANONYMOUS_ACTOR);
  return new Response(null, { status: 204 });
});
