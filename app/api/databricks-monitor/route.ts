// Databricks notification destinations (jobs.* webhooks) and custom cluster/library events.
import { handleWebhook } from "@/lib/ingest/webhook";

export const dynamic = "force-dynamic";

export function POST(req: Request): Promise<Response> {
  return handleWebhook("databricks", req);
}
