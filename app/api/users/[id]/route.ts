// One user (admins only): PATCH {"role"?, "disabled"?, "password"?}.
import { readChangeBody } from "@/lib/api/browser-guard";
import { guarded } from "@/lib/api/guarded";
import { updateUser, updateUserBody } from "@/lib/auth/users";
import { jsonResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const PATCH = guarded("admin", async (req: Request, ctx: Ctx, who) => {
  const body = await readChangeBody(req, updateUserBody, 'expected {"role"?, "disabled"?, "password"?}');
  const { id } = await ctx.params;
  return jsonResponse(await updateUser(id, body, who.actor));
});
