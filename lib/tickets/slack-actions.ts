// POST /api/integrations/slack/actions: a button in a ticket's Slack message.
// Approve / Reject of a proposed automatic fix go through the same decision as
// the ticket page, with the Slack user as the actor.
import { env } from "../env";
import { AppError } from "../errors";
import { parseInteraction, slackRequestAuthentic } from "../integrations/slack/interactions";
import { APPROVE_FIX, REJECT_FIX } from "../integrations/slack/message";
import { decideProposal } from "../remediation/decisions";

const MAX_BODY = 256 * 1024;

export type SlackActionResult =
  { ok: true; status: string } | { ok: true; ignored: string } | { ok: false; error: string };

export async function handleSlackAction(req: Request): Promise<SlackActionResult> {
  const secret = env().SLACK_SIGNING_SECRET;
  if (!secret) throw new AppError("not_found", "Slack interactivity is off: set SLACK_SIGNING_SECRET");
  const raw = await req.text();
  if (raw.length > MAX_BODY) throw new AppError("payload_too_large", `Body over ${MAX_BODY} bytes`);
  const ts = req.headers.get("x-slack-request-timestamp");
  if (!slackRequestAuthentic(secret, raw, ts, req.headers.get("x-slack-signature")))
    throw new AppError("unauthorized", "Missing, old or wrong Slack signature");
  const interaction = parseInteraction(raw);
  if (!interaction) throw new AppError("unsupported_payload", "Not a Slack block_actions payload");
  const action = interaction.actions.find((a) => a.action_id === APPROVE_FIX || a.action_id === REJECT_FIX);
  // our link buttons (open ticket, run, Jira) also reach this URL: nothing to do for them
  if (!action) return { ok: true, ignored: interaction.actions[0].action_id };
  const [ticketId, remediationId] = (action.value ?? "").split(":");
  if (!ticketId || !remediationId) throw new AppError("bad_request", "The button carries no fix");
  const who = interaction.user.username ?? interaction.user.name ?? interaction.user.id;
  try {
    const decided = await decideProposal(
      ticketId,
      remediationId,
      action.action_id === APPROVE_FIX ? { decision: "approve" } : { decision: "reject", reason: "rejected in Slack" },
      `slack:${who}`,
    );
    return { ok: true, status: decided.status };
  } catch (err) {
    // Slack shows an error for a non-200 answer; a fix someone else decided first is not one.
    if (err instanceof AppError && (err.code === "conflict" || err.code === "not_found"))
      return { ok: false, error: err.message };
    throw err;
  }
}
