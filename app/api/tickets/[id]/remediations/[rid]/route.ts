// Approve or reject a proposed automatic fix: {"decision": "approve" | "reject", "reason"?}.
import { guarded } from "@/lib/api/guarded";
import { readChangeBody } from "@/lib/api/browser-guard";
import { jsonResponse } from "@/lib/errors";
import { decideProposal, remediationDecisionBody } from "@/lib/remediation/decisions";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string; rid: string }> };

export const POST = guarded("operator", async (req: Request, ctx: Ctx, who) => {
  const body = await readChangeBody(
    req,
    remediationDecisionBody,
    'expected {"decision": "approve" | "reject", "reason"?: "..."}',
  );
  const { id, rid } = await ctx.params;
  return jsonResponse(await decideProposal(id, rid, body, who.actor));
});
