// Jira's issue_updated webhook: who may send it, and what it says. Jira Cloud
// signs a webhook registered with a secret as `X-Hub-Signature: sha256=<hex
// HMAC of the body>`; where a webhook cannot be signed (Data Center, automation
// rules) the secret may be put in the URL as ?secret=. Applying it to tickets
// is lib/tickets/jira-sync.ts.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

const user = z
  .object({ displayName: z.string().optional(), accountId: z.string().optional(), name: z.string().optional() })
  .loose();

export const jiraWebhookSchema = z
  .object({
    webhookEvent: z.string(),
    user: user.optional(),
    issue: z
      .object({
        key: z.string().min(1),
        fields: z
          .object({
            labels: z.array(z.string()).optional().default([]),
            status: z
              .object({ name: z.string().optional(), statusCategory: z.object({ key: z.string() }).loose().optional() })
              .loose()
              .optional(),
            assignee: user.nullable().optional(),
          })
          .loose(),
      })
      .loose(),
    changelog: z
      .object({
        items: z.array(
          z
            .object({
              field: z.string(),
              fromString: z.string().nullable().optional(),
              toString: z.string().nullable().optional(),
            })
            .loose(),
        ),
      })
      .loose()
      .optional(),
  })
  .loose();
export type JiraWebhook = z.infer<typeof jiraWebhookSchema>;

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** true when the request carries the secret: a valid body signature, or the secret as ?secret= */
export function jiraWebhookAuthentic(
  secret: string,
  rawBody: string,
  signature: string | null,
  querySecret: string | null,
): boolean {
  if (signature) {
    const m = /^sha256=([0-9a-f]{64})$/i.exec(signature.trim());
    return Boolean(m) && same(m![1].toLowerCase(), createHmac("sha256", secret).update(rawBody).digest("hex"));
  }
  return querySecret !== null && same(querySecret, secret);
}

export function jiraActor(w: JiraWebhook): string {
  const u = w.user;
  return `jira:${u?.displayName ?? u?.name ?? u?.accountId ?? "unknown"}`;
}
