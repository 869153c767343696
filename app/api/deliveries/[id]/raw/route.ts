// A delivery's body as stored (admins only, audited): as received with STORE_RAW_BODIES=original.
import { guarded } from "@/lib/api/guarded";
import { rawBodyForDownload } from "@/lib/deliveries/raw-body";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const GET = guarded("admin", async (_req: Request, ctx: Ctx, who) => {
  const { id } = await ctx.params;
  const { body } = await rawBodyForDownload(id, who.actor);
  return new Response(body, {
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="delivery-${id.replace(/[^\w-]/g, "")}.json"`,
      "cache-control": "no-store",
      // what the server keeps now; older rows were stored under the setting of their day
      "x-rca-desk-raw-body": env().STORE_RAW_BODIES,
    },
  });
});
