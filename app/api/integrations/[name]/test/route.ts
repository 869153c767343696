// "Test connection" for an integration (databricks, azure): a cheap read that says what failed.
import { guarded } from "@/lib/api/guarded";
import { assertSameOrigin } from "@/lib/api/browser-guard";
import { jsonResponse } from "@/lib/errors";
import { testIntegration } from "@/lib/integrations/test-connection";

export const dynamic = "force-dynamic";

export const POST = guarded("admin", async (req: Request, ctx: { params: Promise<{ name: string }> }) => {
  assertSameOrigin(req);
  const { name } = await ctx.params;
  const text = await req.text();
  let body: unknown = {};
  try {
    body = text.trim() ? JSON.parse(text) : {};
  } catch {
    body = null;
  }
  return jsonResponse(await testIntegration(name, body));
});
