// Jira's issue_updated webhook: an issue RCA Desk created, done or reopened in Jira, resolves or reopens its ticket.
import { jsonResponse, withErrors } from "@/lib/errors";
import { handleJiraWebhook } from "@/lib/tickets/jira-webhook";

export const dynamic = "force-dynamic";

export const POST = withErrors(async (req: Request) => jsonResponse(await handleJiraWebhook(req)));
