// Slack interactivity (Request URL of the Slack app): Approve / Reject of a proposed fix from the ticket's message.
import { jsonResponse, withErrors } from "@/lib/errors";
import { handleSlackAction } from "@/lib/tickets/slack-actions";

export const dynamic = "force-dynamic";

export const POST = withErrors(async (req: Request) => jsonResponse(await handleSlackAction(req)));
