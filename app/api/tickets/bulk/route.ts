// Acknowledge or resolve the tickets selected in the list ({"ids": [...], "status": "resolved"}).
import { readChangeBody } from "@/lib/api/browser-guard";
import { jsonResponse, withErrors } from "@/lib/errors";
import { bulkBody, bulkSetStatus } from "@/lib/tickets/bulk";

export const dynamic = "force-dynamic";

export const POST = withErrors(async (req: Request) => {
  const body = await readChangeBody(
    req,
    bulkBody,
    'expected {"ids": ["<ticket id>", ...], "status": "acknowledged" | "resolved"}',
  );
  return jsonResponse(await bulkSetStatus(body.ids, body.status));
});
