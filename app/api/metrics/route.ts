// Dedup and response-time metrics over a window (?window=7d).
import { AppError, jsonResponse, withErrors } from "@/lib/errors";
import { computeMetrics, windowSchema } from "@/lib/metrics";

export const dynamic = "force-dynamic";

export const GET = withErrors(async (req: Request) => {
  const parsed = windowSchema.safeParse(new URL(req.url).searchParams.get("window") ?? undefined);
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0].message);
  return jsonResponse(await computeMetrics(parsed.data));
});
