// The delivery log: every webhook delivery with its outcome (?source=&outcome=&status=&since=&until=&cursor=).
import { guarded } from "@/lib/api/guarded";
import { AppError, jsonResponse } from "@/lib/errors";
import { deliveryQuerySchema, listDeliveries } from "@/lib/deliveries/list";

export const dynamic = "force-dynamic";

export const GET = guarded("viewer", async (req: Request, _ctx: unknown) => {
  const parsed = deliveryQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("bad_request", `${issue.path.join(".") || "query"}: ${issue.message}`);
  }
  return jsonResponse(await listDeliveries(parsed.data));
});
