// HTTP side of intake: source lookup, authentication, size limit, JSON
// parsing, then the shared intake path. Answers per API.md; never a 500 for
// bad input, and never a 2xx before the delivery is committed.
import { AppError, errorResponse, jsonResponse } from "../errors";
import { env } from "../env";
import { logger } from "../logger";
import { getSource } from "../sources/registry";
import { isAuthorized, storableHeaders } from "./auth";
import { readBodyLimited } from "./body";
import { ingestRaw, type RawDelivery } from "./intake";

const log = logger.child({ module: "ingest.webhook" });

export async function handleWebhook(sourceId: string, req: Request): Promise<Response> {
  try {
    const source = getSource(sourceId);
    if (!source) throw new AppError("unknown_source");
    const e = env();
    const url = new URL(req.url);
    if (!isAuthorized(req, url, source, { shared: e.RCA_API_KEY, perSource: e.sourceApiKeys })) {
      throw new AppError("unauthorized");
    }
    const rawBody = await readBodyLimited(req, e.INTAKE_MAX_BODY_BYTES);
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
