// Setup status for the webhook-setup page: per-source steps, key / API access configured, last delivery.
import { guarded } from "@/lib/api/guarded";
import { jsonResponse } from "@/lib/errors";
import { setupReport } from "@/lib/setup";

export const dynamic = "force-dynamic";

export const GET = guarded("viewer", async (_req: Request, _ctx: unknown) => jsonResponse(await setupReport()));
