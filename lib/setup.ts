// GET /api/setup: what the webhook-setup page needs from the server: each
// source's steps (from its adapter), whether a key and API access are
// configured, and when it last sent something. No secret is ever returned.
import type { SetupJson } from "./api/schemas";
import { db } from "./db";
import { env } from "./env";
import { SOURCES } from "./sources/registry";

export async function setupReport(): Promise<SetupJson> {
  const e = env();
  // Bounded: the newest deliveries through the receivedAt index, not a scan of every event.
  const recent = await db().alertEvent.findMany({
    orderBy: { receivedAt: "desc" },
    take: 2000,
    select: { source: true, receivedAt: true },
  });
  const last = new Map<string, Date>();
  for (const r of recent) if (!last.has(r.source)) last.set(r.source, r.receivedAt);
  const sources = Object.values(SOURCES)
    .filter((s) => s.setup)
    .map((s) => ({
      id: s.id,
      displayName: s.displayName,
      path: s.setup!.path,
      preferredAuth: s.setup!.preferredAuth,
      steps: s.setup!.steps,
      keyConfigured: Boolean(e.sourceApiKeys[s.id] ?? e.RCA_API_KEY),
      enrichmentConfigured: s.enrichmentConfigured ? s.enrichmentConfigured() : null,
      lastDeliveryAt: last.get(s.id)?.toISOString() ?? null,
    }));
  return { sources, llm: { configured: Boolean(e.GEMINI_API_KEY), model: e.GEMINI_API_KEY ? e.GEMINI_MODEL : null } };
}
