// Close a circuit breaker by hand once the platform is known to be healthy: {"target": "databricks:<workspace>"}.
import { z } from "zod";
import { readChangeBody } from "@/lib/api/browser-guard";
import { db } from "@/lib/db";
import { jsonResponse, withErrors } from "@/lib/errors";
import { resetBreaker } from "@/lib/remediation/store";
import { ANONYMOUS_ACTOR } from "@/lib/tickets/update";

export const dynamic = "force-dynamic";

export const POST = withErrors(async (req: Request) => {
  const body = await readChangeBody(
    req,
    z.object({ target: z.string().min(1).max(500) }).strict(),
    'expected {"target": "..."}',
  );
  await resetBreaker(db(), body.target, ANONYMOUS_ACTOR);
  return jsonResponse({ target: body.target, state: "closed" });
});
