// Every automatic-fix attempt across tickets, with success rates, breakers, policy and switches.
import { guarded } from "@/lib/api/guarded";
import { AppError, jsonResponse } from "@/lib/errors";
import { overviewQuery, remediationOverview } from "@/lib/remediation/overview";

export const dynamic = "force-dynamic";

export const GET = guarded("viewer", async (req: Request, _ctx: unknown) => {
  const parsed = overviewQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success)
    throw new AppError("bad_request", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return jsonResponse(await remediationOverview(parsed.data));
});
