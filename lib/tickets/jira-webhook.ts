// POST /api/integrations/jira/webhook: authenticate (JIRA_WEBHOOK_SECRET), parse, apply.
import { env } from "../env";
import { AppError } from "../errors";
import { jiraWebhookAuthentic, jiraWebhookSchema } from "../integrations/jira/webhook";
import { applyJiraWebhook, type JiraSyncResult } from "./jira-sync";

const MAX_BODY = 1024 * 1024; // Jira's issue payloads are tens of KB

export async function handleJiraWebhook(req: Request): Promise<JiraSyncResult> {
  const secret = env().JIRA_WEBHOOK_SECRET;
  if (!secret) throw new AppError("not_found", "The Jira webhook is off: set JIRA_WEBHOOK_SECRET");
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_BODY) throw new AppError("payload_too_large", `Body over ${MAX_BODY} bytes`);
  const raw = await req.text();
  if (raw.length > MAX_BODY) throw new AppError("payload_too_large", `Body over ${MAX_BODY} bytes`);
  const url = new URL(req.url);
  if (!jiraWebhookAuthentic(secret, raw, req.headers.get("x-hub-signature"), url.searchParams.get("secret")))
    throw new AppError("unauthorized", "Missing or wrong Jira webhook secret (X-Hub-Signature or ?secret=)");
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError("invalid_json", "The body is not JSON");
  }
  const parsed = jiraWebhookSchema.safeParse(json);
  if (!parsed.success)
    throw new AppError("unsupported_payload", "Not a Jira issue webhook (expected webhookEvent and issue.key)");
  return applyJiraWebhook(parsed.data);
}
