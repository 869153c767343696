// Close a circuit breaker by hand once the platform is known to be healthy: {"target": "databricks:<workspace>"}.
import { guarded } from "@/lib/api/guarded";
import { z } from "zod";
import { readChangeBody } from "@/lib/api/browser-guard";
import { db } from "@/lib/db";
import { jsonResponse } from "@/lib/errors";
import { resetBreaker } from "@/lib/remediation/store";

export const dynamic = "force-dynamic";

export const POST = guarded("admin", async (req: Request, _ctx: unknown, who) => {
  const body = await readChangeBody(
    req,
    z.object({ target: z.string().min(1).max(500) }).strict(),
    'expected {"target": "..."}',
  );
  await resetBreaker(db(), body.target, who.actor);
  return jsonResponse({ target: body.target, state: "closed" });
});
