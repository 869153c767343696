// Queue a new RCA version for a ticket (Re-run RCA).
import { guarded } from "@/lib/api/guarded";
import { assertSameOrigin } from "@/lib/api/browser-guard";
import { jsonResponse } from "@/lib/errors";
import { queueRcaRerun } from "@/lib/tickets/rerun-rca";

export const dynamic = "force-dynamic";

export const POST = guarded("operator", async (req: Request, ctx: { params: Promise<{ id: string }> }, who) => {
  assertSameOrigin(req);
  const { id } = await ctx.params;
  const { jobId } = await queueRcaRerun(id, who.actor);
  return jsonResponse({ status: "queued", jobId }, 202);
});
