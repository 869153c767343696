// Setup → "Send a test event" for one source ({"source": "databricks"}).
import { readChangeBody } from "@/lib/api/browser-guard";
import { jsonResponse, withErrors } from "@/lib/errors";
import { sendTestEvent, testEventBody } from "@/lib/test-events/send";

export const dynamic = "force-dynamic";

export const POST = withErrors(async (req: Request) => {
  const { source } = await readChangeBody(req, testEventBody, '{"source": "databricks"}');
  return jsonResponse(await sendTestEvent(source), 201);
});
