// The remediation policy: GET the rules in order, POST one more (at the end, or at "position").
import { z } from "zod";
import { readChangeBody } from "@/lib/api/browser-guard";
import { db } from "@/lib/db";
import { jsonResponse, withErrors } from "@/lib/errors";
import { createRule, policyRules } from "@/lib/remediation/store";
import { policyRuleInput } from "@/lib/remediation/types";
import { ANONYMOUS_ACTOR } from "@/lib/tickets/update";

export const dynamic = "force-dynamic";

export const GET = withErrors(async () => jsonResponse({ rules: await policyRules(db()) }));

const createBody = policyRuleInput.extend({ position: z.number().int().min(1).optional() });

export const POST = withErrors(async (req: Request) => {
  const { position, ...rule } = await readChangeBody(req, createBody, "expected a policy rule");
  return jsonResponse(await createRule(db(), rule, ANONYMOUS_ACTOR, position), 201);
});
