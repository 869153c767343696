// The remediation policy: GET the rules in order, POST one more (at the end, or at "position").
import { guarded } from "@/lib/api/guarded";
import { z } from "zod";
import { readChangeBody } from "@/lib/api/browser-guard";
import { db } from "@/lib/db";
import { jsonResponse } from "@/lib/errors";
import { createRule, policyRules } from "@/lib/remediation/store";
import { policyRuleInput } from "@/lib/remediation/types";

export const dynamic = "force-dynamic";

export const GET = guarded("viewer", async (_req: Request, _ctx: unknown) =>
  jsonResponse({ rules: await policyRules(db()) }),
);

const createBody = policyRuleInput.extend({ position: z.number().int().min(1).optional() });

export const POST = guarded("admin", async (req: Request, _ctx: unknown, who) => {
  const { position, ...rule } = await readChangeBody(req, createBody, "expected a policy rule");
  return jsonResponse(await createRule(db(), rule, who.actor, position), 201);
});
