// Setup → "Send a test event" for one source ({"source": "databricks"}).
import { guarded } from "@/lib/api/guarded";
import { readChangeBody } from "@/lib/api/browser-guard";
import { jsonResponse } from "@/lib/errors";
import { sendTestEvent, testEventBody } from "@/lib/test-events/send";

export const dynamic = "force-dynamic";

export const POST = guarded("admin", async (req: Request, _ctx: unknown) => {
  const { source } = await readChangeBody(req, testEventBody, '{"source": "databricks"}');
  return jsonResponse(await sendTestEvent(source), 201);
});
