// Acknowledge or resolve the tickets selected in the list ({"ids": [...], "status": "resolved"}).
import { guarded } from "@/lib/api/guarded";
import { readChangeBody } from "@/lib/api/browser-guard";
import { jsonResponse } from "@/lib/errors";
import { bulkBody, bulkSetStatus } from "@/lib/tickets/bulk";

export const dynamic = "force-dynamic";

export const POST = guarded("operator", async (req: Request, _ctx: unknown, who) => {
  const body = await readChangeBody(
    req,
    bulkBody,
    'expected {"ids": ["<ticket id>", ...], "status": "acknowledged" | "resolved"}',
  );
  return jsonResponse(await bulkSetStatus(body.ids, body.status, who.actor));
});
