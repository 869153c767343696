// The global kill switch: {"on": true} stops every automatic fix that would call something.
import { z } from "zod";
import { readChangeBody } from "@/lib/api/browser-guard";
import { db } from "@/lib/db";
import { jsonResponse, withErrors } from "@/lib/errors";
import { killSwitchState, setKillSwitch } from "@/lib/remediation/store";
import { ANONYMOUS_ACTOR } from "@/lib/tickets/update";

export const dynamic = "force-dynamic";

export const PUT = withErrors(async (req: Request) => {
  const body = await readChangeBody(req, z.object({ on: z.boolean() }).strict(), 'expected {"on": true | false}');
  await setKillSwitch(db(), body.on, ANONYMOUS_ACTOR);
  return jsonResponse(await killSwitchState(db()));
});
