// The ticket list at scale (npm run bench -- --phases list [--list-tickets 100000]): a database seeded with
// 100,000 tickets over 30 days (RCAs, tags, fixes, duplicates), then each filter and sort of GET /api/tickets
// and the CSV export's first page asked one at a time; p50 / p95 of the answer time per query.
import type { DatabaseHandle } from "../lib/db";
import { SEARCH_TEXT } from "../lib/tickets/search-index";

/** Tickets spread over 30 days, ids time-ordered like lib/ids.ts, with the mix the filters select from. */
export async function seedTickets(handle: DatabaseHandle, n: number): Promise<void> {
  const run = (sql: string) => handle.prisma.$executeRawUnsafe(sql);
  await run(`
    INSERT INTO "Ticket" (id, source, "resourceType", "resourceName", scope, "runId", title, "errorMessage", "errorSource",
      severity, status, "occurredAt", "detectedAt", "createdAt", "updatedAt", "lastSeenAt", "acknowledgedAt",
      "resolvedAt", "duplicateCount", "dedupKey", tags)
    SELECT
      substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || lpad(to_hex(g % 4096), 3, '0') || '-8' ||
        lpad(to_hex(g % 4096), 3, '0') || '-' || lpad(to_hex(g), 12, '0'),
      (ARRAY['azure-data-factory', 'databricks', 'synapse', 'azure-functions'])[1 + g % 4],
      'pipeline', 'pipeline_' || (g % 500), 'factory_' || (g % 7), 'run-' || g,
      'Pipeline pipeline_' || (g % 500) || ' failed',
      (ARRAY['Operation timed out after 30 s', 'The required Blob is missing', 'Login failed for user', 'OutOfMemoryError: Java heap space'])[1 + g % 4],
      'payload',
      (ARRAY['critical', 'high', 'medium', 'low', 'info'])[1 + (g * 7) % 5],
      (ARRAY['open', 'acknowledged', 'resolved', 'resolved'])[1 + g % 4],
      at - interval '2 minutes', at, at, at, at + ((g % 90) || ' minutes')::interval,
      CASE WHEN g % 4 >= 1 THEN at + interval '5 minutes' END,
      CASE WHEN g % 4 >= 2 THEN at + interval '40 minutes' END,
      (g * 13) % 20, 'bench:' || g,
      jsonb_build_object('team', (ARRAY['sales', 'finance', 'ops', 'hr', 'data'])[1 + g % 5], 'environment', 'prod')
    FROM (
      SELECT g, now() - (${n} - g) * (interval '30 days' / ${n}) AS at,
        lpad(to_hex((extract(epoch FROM now() - (${n} - g) * (interval '30 days' / ${n})) * 1000)::bigint), 12, '0') AS h
      FROM generate_series(1, ${n}) g
    ) s`);
  await run(`
    INSERT INTO "Rca" (id, "ticketId", version, provider, category, "rootCause", remediation, confidence, "errorSignature")
    SELECT 'rca-' || t.id, t.id, 1, 'rules',
      (ARRAY['transient', 'upstream_data', 'permission', 'configuration', 'schema_data', 'resource', 'library', 'code', 'platform', 'unknown'])[1 + abs(hashtext(t.id)) % 10],
      'x', 'none', 0.8, 'sig'
    FROM "Ticket" t WHERE abs(hashtext(t.id)) % 10 < 9`);
  await run(`
    INSERT INTO "Remediation" (id, "ticketId", action, status)
    SELECT 'rem-' || t.id, t.id, 'databricks_repair_run', 'succeeded' FROM "Ticket" t WHERE abs(hashtext(t.id)) % 50 = 0`);
  // what the pipeline's RCA step writes for analysed tickets (lib/tickets/search-index.ts)
  await handle.prisma.$executeRaw`
    INSERT INTO "TicketSearch" ("ticketId", "text")
    SELECT t.id, ${SEARCH_TEXT} FROM "Ticket" t WHERE EXISTS (SELECT 1 FROM "Rca" r WHERE r."ticketId" = t.id)`;
  await run(`ANALYZE`);
}

export const LIST_QUERIES: [string, string][] = [
  ["newest first (no filter)", ""],
  ["status=open,acknowledged", "status=open,acknowledged"],
  ["severity=critical,high", "severity=critical,high"],
  ["category=permission", "category=permission"],
  ["tag=team=finance", "tag=team%3Dfinance"],
  ["last 24 h (since)", "since=@since"],
  ["hasFix=true", "hasFix=true"],
  ["q=timed out (search, a quarter match)", "q=timed%20out"],
  ["q=a word no ticket has", "q=zzqx-nowhere"],
  ["sort=severity", "sort=severity"],
  ["sort=lastSeen", "sort=lastSeen"],
  ["sort=duplicates", "sort=duplicates"],
  ["sort=lastSeen + status=open,acknowledged", "sort=lastSeen&status=open,acknowledged"],
  ["sort=duplicates + category=permission", "sort=duplicates&category=permission"],
  ["severity + category + tag", "severity=critical,high&category=resource&tag=team%3Dsales"],
  ["no ticket matches (reads all of them)", "severity=critical,high&tag=team%3Dops"],
  ["page 3 of sort=severity", "sort=severity&cursor=o:100"],
];

/** `auth`: the headers of a caller allowed to read tickets (the bench's admin token). */
export async function timeQueries(base: string, rounds: number, auth: RequestInit = {}) {
  const since = encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString());
  const rows: { name: string; p50: number; p95: number; items: number }[] = [];
  for (const [name, q] of LIST_QUERIES) {
    const url = `${base}/api/tickets?limit=50&${q.replace("@since", since)}`;
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      const res = await fetch(url, auth);
      const body = (await res.json()) as { items?: unknown[] };
      times.push(performance.now() - started);
      if (!res.ok) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
      items = body.items?.length ?? 0;
    }
    times.sort((a, b) => a - b);
    rows.push({
      name,
      p50: times[Math.floor(rounds * 0.5)],
      p95: times[Math.min(rounds - 1, Math.floor(rounds * 0.95))],
      items,
    });
  }
  return rows;
}
