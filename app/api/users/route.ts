// Users (admins only): GET the list, POST a local account {"email", "password", "role", "name"?}.
import { readChangeBody } from "@/lib/api/browser-guard";
import { guarded } from "@/lib/api/guarded";
import { createLocalUser, createUserBody, listUsers } from "@/lib/auth/users";
import { jsonResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = guarded("admin", async () => jsonResponse({ users: await listUsers() }));

export const POST = guarded("admin", async (req, _ctx, who) => {
  const body = await readChangeBody(req, createUserBody, 'expected {"email", "password", "role"}');
  return jsonResponse(await createLocalUser(body, who.actor), 201);
});
