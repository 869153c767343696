// Ticket list for the dashboard: filters, search, cursor pagination.
import { guarded } from "@/lib/api/guarded";
import { AppError, jsonResponse } from "@/lib/errors";
import { listQuerySchema, listTickets } from "@/lib/tickets/list";

export const dynamic = "force-dynamic";

export const GET = guarded("viewer", async (req: Request, _ctx: unknown) => {
  const parsed = listQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success)
    throw new AppError("bad_request", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return jsonResponse(await listTickets(parsed.data));
});
