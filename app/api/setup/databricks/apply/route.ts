// Setup → Databricks → Apply: create the notification destination and point the chosen jobs at it.
import { guarded } from "@/lib/api/guarded";
import { readChangeBody } from "@/lib/api/browser-guard";
import { jsonResponse } from "@/lib/errors";
import { applyBody, applyDatabricksSetup } from "@/lib/setup-generators/databricks-apply";

export const dynamic = "force-dynamic";

export const POST = guarded("admin", async (req: Request, _ctx: unknown) => {
  const body = await readChangeBody(req, applyBody, '{"url": "https://…/api/databricks-monitor", "jobIds": ["123"]}');
  return jsonResponse(await applyDatabricksSetup(body));
});
