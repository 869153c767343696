// One ticket with its history; PATCH acknowledges, resolves or reopens it.
import { guarded } from "@/lib/api/guarded";
import { readChangeBody } from "@/lib/api/browser-guard";
import { patchTicketBody } from "@/lib/api/schemas";
import { jsonResponse } from "@/lib/errors";
import { getTicketDetail } from "@/lib/tickets/detail";
import { setTicketStatus } from "@/lib/tickets/update";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const GET = guarded("viewer", async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return jsonResponse(await getTicketDetail(id));
});

export const PATCH = guarded("operator", async (req: Request, ctx: Ctx, who) => {
  const body = await readChangeBody(req, patchTicketBody, 'expected {"status": "acknowledged" | "resolved" | "open"}');
  const { id } = await ctx.params;
  return jsonResponse(await setTicketStatus(id, body.status, who.actor));
});
