// HTTP side of intake: source lookup, authentication, size limit, JSON
// parsing, then the shared intake path. Answers per API.md; never a 500 for
// bad input, and never a 2xx before the delivery is committed.
import { AppError, errorResponse, jsonResponse } from "../errors";
import { env } from "../env";
import { logger } from "../logger";
import { getSource } from "../sources/registry";
import { isAuthorized, storableHeaders, type KeyConfig } from "./auth";
import { bearerToken, verifyAzureWebhookToken } from "./secure-webhook";
import type { SourceAdapter } from "../sources/types";
import type { Env } from "../env";
import { readBodyLimited } from "./body";
import { recordRefused } from "./refused-log";
import { ingestRaw, type RawDelivery } from "./intake";

const log = logger.child({ module: "ingest.webhook" });

/** AZURE_WEBHOOK_AUTH jwt: a valid Entra ID token; either: a valid token, or (without a bearer token) the key. */
async function secureWebhookAuthorized(req: Request, url: URL, source: SourceAdapter, keys: KeyConfig, e: Env) {
  const token = bearerToken(req.headers.get("authorization"));
  if (!token) return e.AZURE_WEBHOOK_AUTH === "either" && isAuthorized(req, url, source, keys);
  const check = await verifyAzureWebhookToken(token, {
    audience: e.AZURE_WEBHOOK_AUDIENCE ?? "",
    tenantId: e.AZURE_WEBHOOK_TENANT_ID ?? "",
    jwksUrl: e.AZURE_WEBHOOK_JWKS_URL,
    refreshSeconds: e.AZURE_WEBHOOK_JWKS_REFRESH_SECONDS,
  });
  if (check.ok) return true;
  log.warn("Secure Webhook token refused", { source: source.id, reason: check.reason });
  // Entra ID's keys could not be read: the sender retries a 503, a 401 would drop the alert
  if (check.unavailable)
    throw new AppError("service_unavailable", "Could not check the token: signing keys unavailable");
  return false;
}

const REFUSED_KEY = "No valid webhook key (query api_key, header x-api-key or HTTP Basic password).";
const REFUSED_TOKEN = "No valid Azure Secure Webhook token (or key, with AZURE_WEBHOOK_AUTH=either).";

export async function handleWebhook(sourceId: string, req: Request): Promise<Response> {
  try {
    const source = getSource(sourceId);
    if (!source) throw new AppError("unknown_source");
    const e = env();
    const url = new URL(req.url);
    const keys = { shared: e.RCA_API_KEY, perSource: e.sourceApiKeys };
    const secure = source.azureSecureWebhook && e.AZURE_WEBHOOK_AUTH !== "key";
    if (secure ? !(await secureWebhookAuthorized(req, url, source, keys, e)) : !isAuthorized(req, url, source, keys)) {
      recordRefused(source.id, req, "unauthorized", secure ? REFUSED_TOKEN : REFUSED_KEY);
      throw new AppError("unauthorized");
    }
    let rawBody: string;
    try {
      rawBody = await readBodyLimited(req, e.INTAKE_MAX_BODY_BYTES);
    } catch (err) {
      if (err instanceof AppError && err.code === "payload_too_large")
        recordRefused(
          source.id,
          req,
          "too_large",
          `The body is larger than INTAKE_MAX_BODY_BYTES (${e.INTAKE_MAX_BODY_BYTES} bytes).`,
        );
      throw err;
    }
    const delivery: RawDelivery = { rawBody, headers: storableHeaders(req), receivedAt: new Date() };
    const answer = await ingestRaw(source.id, delivery);
    return jsonResponse(answer.body, answer.status);
  } catch (err) {
    if (err instanceof AppError) return errorResponse(err);
    // The delivery was not committed: a 503 makes Azure and Databricks retry it.
    log.error("intake failed before commit", { source: sourceId, err });
    return jsonResponse({ error: "service_unavailable", message: "The alert could not be stored; please retry." }, 503);
  }
}
