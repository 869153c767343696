// Setup status for the webhook-setup page: per-source steps, key / API access configured, last delivery.
import { jsonResponse, withErrors } from "@/lib/errors";
import { setupReport } from "@/lib/setup";

export const dynamic = "force-dynamic";

export const GET = withErrors(async () => jsonResponse(await setupReport()));
