// The filtered ticket list as CSV (?status=&severity=&category=&tag=&since=&until=&hasFix=&sort=…).
import { guarded } from "@/lib/api/guarded";
import { AppError } from "@/lib/errors";
import { exportTickets } from "@/lib/tickets/export";
import { listQuerySchema } from "@/lib/tickets/list";

export const dynamic = "force-dynamic";

export const GET = guarded("viewer", async (req: Request, _ctx: unknown) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  delete params.cursor;
  delete params.limit;
  const parsed = listQuerySchema.safeParse(params);
  if (!parsed.success)
    throw new AppError("bad_request", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, "-");
  return new Response(exportTickets(parsed.data), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="rca-desk-tickets-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
