// The filtered audit trail as CSV or JSON Lines (?format=csv|jsonl&<filters>), streamed.
import { guarded } from "@/lib/api/guarded";
import { AppError } from "@/lib/errors";
import { exportAudit } from "@/lib/audit/export";
import { auditQuerySchema } from "@/lib/audit/list";

export const dynamic = "force-dynamic";

export const GET = guarded("viewer", async (req: Request, _ctx: unknown) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const format = params.format ?? "csv";
  delete params.format;
  delete params.cursor;
  delete params.limit;
  if (format !== "csv" && format !== "jsonl") throw new AppError("bad_request", "format: csv or jsonl");
  const parsed = auditQuerySchema.safeParse(params);
  if (!parsed.success)
    throw new AppError("bad_request", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, "-");
  return new Response(exportAudit(parsed.data, format), {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="rca-desk-audit-${stamp}.${format}"`,
      "cache-control": "no-store",
    },
  });
});
