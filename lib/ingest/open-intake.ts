// Sources whose webhook accepts anyone: no key for them and no Secure Webhook
// token required. Fine on a laptop; health and the setup page say it in red.
import { env } from "../env";
import { SOURCES } from "../sources/registry";
import { expectedKey } from "./auth";

export function unauthenticatedSources(): string[] {
  const e = env();
  const keys = { shared: e.RCA_API_KEY, perSource: e.sourceApiKeys };
  return Object.values(SOURCES)
    .filter((s) => !(s.azureSecureWebhook && e.AZURE_WEBHOOK_AUTH !== "key") && expectedKey(s, keys) === undefined)
    .map((s) => s.id);
}
