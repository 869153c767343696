// Queue a new RCA version for a ticket (Re-run RCA).
import { assertSameOrigin } from "@/lib/api/browser-guard";
import { jsonResponse, withErrors } from "@/lib/errors";
import { queueRcaRerun } from "@/lib/tickets/rerun-rca";

export const dynamic = "force-dynamic";

export const POST = withErrors(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(req);
  const { id } = await ctx.params;
  const { jobId } = await queueRcaRerun(id);
  return jsonResponse({ status: "queued", jobId }, 202);
});
