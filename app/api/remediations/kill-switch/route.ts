// The global kill switch: {"on": true} stops every automatic fix that would call something.
import { hasRole } from "@/lib/auth/roles";
import { guarded } from "@/lib/api/guarded";
import { z } from "zod";
import { readChangeBody } from "@/lib/api/browser-guard";
import { db } from "@/lib/db";
import { AppError, jsonResponse } from "@/lib/errors";
import { killSwitchState, setKillSwitch } from "@/lib/remediation/store";

export const dynamic = "force-dynamic";

export const PUT = guarded("operator", async (req: Request, _ctx: unknown, who) => {
  const body = await readChangeBody(req, z.object({ on: z.boolean() }).strict(), 'expected {"on": true | false}');
  // stopping every fix is for whoever is on call; letting them run again is policy, for admins
  if (!body.on && !hasRole(who.role, "admin"))
    throw new AppError("forbidden", "Turning the kill switch off needs the admin role", {
      role: who.role,
      required: "admin",
    });
  await setKillSwitch(db(), body.on, who.actor);
  return jsonResponse(await killSwitchState(db()));
});
