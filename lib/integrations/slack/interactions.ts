// Slack's interactivity requests (a button clicked in our message): who may
// send them (the signing secret's v0 signature over timestamp and body, at
// most five minutes old, as Slack documents) and what they say.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

const MAX_AGE_SECONDS = 5 * 60;

export function slackSignature(secret: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
}

/** true when the request is Slack's: a fresh timestamp and a matching signature */
export function slackRequestAuthentic(
  secret: string,
  rawBody: string,
  timestamp: string | null,
  signature: string | null,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return false;
  // an old request replayed by someone who saw it is refused
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_AGE_SECONDS) return false;
  const want = Buffer.from(slackSignature(secret, timestamp, rawBody));
  const got = Buffer.from(signature);
  return want.length === got.length && timingSafeEqual(want, got);
}

export const blockActionsSchema = z
  .object({
    type: z.literal("block_actions"),
    user: z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() }).loose(),
    actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() }).loose()).min(1),
  })
  .loose();
export type BlockActions = z.infer<typeof blockActionsSchema>;

/** the form field `payload` of an interactivity request, parsed; null when it is not one */
export function parseInteraction(rawBody: string): BlockActions | null {
  const payload = new URLSearchParams(rawBody).get("payload");
  if (!payload) return null;
  try {
    const parsed = blockActionsSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
