// Azure Monitor action groups (common alert schema) → Azure Data Factory source.
import { handleWebhook } from "@/lib/ingest/webhook";

export const dynamic = "force-dynamic";

export function POST(req: Request): Promise<Response> {
  return handleWebhook("azure-data-factory", req);
}
