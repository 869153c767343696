// Setup → Databricks → Apply: create the notification destination and point the chosen jobs at it.
import { readChangeBody } from "@/lib/api/browser-guard";
import { jsonResponse, withErrors } from "@/lib/errors";
import { applyBody, applyDatabricksSetup } from "@/lib/setup-generators/databricks-apply";

export const dynamic = "force-dynamic";

export const POST = withErrors(async (req: Request) => {
  const body = await readChangeBody(req, applyBody, '{"url": "https://…/api/databricks-monitor", "jobIds": ["123"]}');
  return jsonResponse(await applyDatabricksSetup(body));
});
