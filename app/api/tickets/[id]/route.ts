// One ticket with its history; PATCH acknowledges, resolves or reopens it.
import { assertJsonBody, assertSameOrigin } from "@/lib/api/browser-guard";
import { patchTicketBody } from "@/lib/api/schemas";
import { AppError, jsonResponse, withErrors } from "@/lib/errors";
import { getTicketDetail } from "@/lib/tickets/detail";
import { setTicketStatus } from "@/lib/tickets/update";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const GET = withErrors(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return jsonResponse(await getTicketDetail(id));
});

export const PATCH = withErrors(async (req: Request, ctx: Ctx) => {
  assertSameOrigin(req);
  assertJsonBody(req);
  const { id } = await ctx.params;
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError("invalid_json", "The body is not valid JSON");
  }
  const parsed = patchTicketBody.safeParse(body);
  if (!parsed.success) throw new AppError("bad_request", 'expected {"status": "acknowledged" | "resolved" | "open"}');
  return jsonResponse(await setTicketStatus(id, parsed.data.status));
});
