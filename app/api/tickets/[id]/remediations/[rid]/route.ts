// Approve or reject a proposed automatic fix: {"decision": "approve" | "reject", "reason"?}.
import { readChangeBody } from "@/lib/api/browser-guard";
import { jsonResponse, withErrors } from "@/lib/errors";
import { decideProposal, remediationDecisionBody } from "@/lib/remediation/decisions";
import { ANONYMOUS_ACTOR } from "@/lib/tickets/update";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string; rid: string }> };

export const POST = withErrors(async (req: Request, ctx: Ctx) => {
  const body = await readChangeBody(
    req,
    remediationDecisionBody,
    'expected {"decision": "approve" | "reject", "reason"?: "..."}',
  );
  const { id, rid } = await ctx.params;
  return jsonResponse(await decideProposal(id, rid, body, ANONYMOUS_ACTOR));
});
