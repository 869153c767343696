// Any registered source by id: azure-data-factory, databricks, synapse, azure-functions, ...
import { handleWebhook } from "@/lib/ingest/webhook";

export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ source: string }> }): Promise<Response> {
  const { source } = await ctx.params;
  return handleWebhook(source, req);
}
