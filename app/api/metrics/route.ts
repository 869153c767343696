// Dedup and response-time metrics over a window (?window=7d), with trends per
// bucket and breakdowns when asked (&bucket=hour|day[&tag=team]).
import { guarded } from "@/lib/api/guarded";
import { AppError, jsonResponse } from "@/lib/errors";
import { computeMetrics, metricsQuerySchema } from "@/lib/metrics";

export const dynamic = "force-dynamic";

export const GET = guarded("viewer", async (req: Request, _ctx: unknown) => {
  const params = new URL(req.url).searchParams;
  const parsed = metricsQuerySchema.safeParse({
    window: params.get("window") ?? undefined,
    bucket: params.get("bucket") ?? undefined,
    tag: params.get("tag") ?? undefined,
  });
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0].message);
  return jsonResponse(await computeMetrics(parsed.data));
});
