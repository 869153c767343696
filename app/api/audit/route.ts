// The audit trail across tickets (?actor=&action=&ticket=&since=&until=&cursor=&limit=).
import { guarded } from "@/lib/api/guarded";
import { AppError, jsonResponse } from "@/lib/errors";
import { auditPage, auditQuerySchema } from "@/lib/audit/list";

export const dynamic = "force-dynamic";

export const GET = guarded("viewer", async (req: Request, _ctx: unknown) => {
  const parsed = auditQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success)
    throw new AppError("bad_request", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return jsonResponse(await auditPage(parsed.data));
});
