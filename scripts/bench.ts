// npm run bench [-- --duration 20 --connections 20 --e2e-alerts 1000 --storm-alerts 1000 --phases intake,e2e,drain,storm,list,duplicates,rca]
// BENCH_PG_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench: the same on PostgreSQL.
// Loads the built app on 127.0.0.1 with autocannon: first a trivial route of
// the same build (the ceiling), then intake with unique ADF failure payloads
// (worker paused), verifying every 2xx has exactly one ticket; then the
// sustained end-to-end rate with the worker running; last a storm of failures
// with one cause told through Slack and Jira fakes. Prints a markdown table
// for BENCHMARKS.md.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { openDatabase, type DatabaseHandle } from "../lib/db";
import { deployMigrations } from "../lib/migrations";
import { jobRun, runOutput, startFakeDatabricks } from "../lib/testing/fakes/databricks";
import { startFakeJira } from "../lib/testing/fakes/jira";
import { drainBench } from "./bench-drain";
import { postAll } from "./bench-post";
import { seedTickets, timeQueries } from "./bench-list";
import { rcaBench } from "./bench-rca";
import { startFakeSlack } from "../lib/testing/fakes/slack";

const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "20" },
    connections: { type: "string", default: "20" },
    "e2e-alerts": { type: "string", default: "1000" },
    "storm-alerts": { type: "string", default: "1000" },
    phases: { type: "string", default: "intake,e2e,drain,storm,list,duplicates,rca" },
    port: { type: "string", default: "3290" },
    "list-tickets": { type: "string", default: "100000" },
    "list-rounds": { type: "string", default: "30" },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const port = Number(args.port);
const base = `http://127.0.0.1:${port}`;
const KEY = "bench-key";
/** the bench reads the dashboard API as automation does, with the bootstrap admin token */
export const BENCH_ADMIN_TOKEN = "bench-admin-token-0123456789abcdef";
export const BENCH_AUTH = { headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` } };

/**
 * the bench's ADF failure; `error` replaces the per-alert error (a storm: one cause for every alert); `runId` fixes the
 * run (the same run again is a duplicate delivery), otherwise each call is a new run
 */
function adfAlert(
  n: number,
  error?: string,
  runId = `bench-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`,
): string {
  return JSON.stringify({
    schemaId: "azureMonitorCommonAlertSchema",
    data: {
      essentials: {
        alertId: `/subscriptions/0000/providers/Microsoft.AlertsManagement/alerts/${runId}`,
        alertRule: "adf-activity-failures",
        severity: "Sev2",
        signalType: "Log",
        monitorCondition: "Fired",
        monitoringService: "Log Alerts V2",
        alertTargetIDs: ["/subscriptions/0000/resourcegroups/rg/providers/microsoft.datafactory/factories/adf-bench"],
        firedDateTime: new Date().toISOString(),
        essentialsVersion: "1.0",
        alertContextVersion: "1.0",
      },
      alertContext: {
        conditionType: "LogQueryCriteria",
        condition: {
          windowSize: "PT5M",
          allOf: [
            {
              searchQuery: "ADFActivityRun | where Status == 'Failed'",
              dimensions: [
                { name: "PipelineName", value: `pipeline_${n % 50}` },
                { name: "PipelineRunId", value: runId },
                { name: "ActivityName", value: "CopyFromBlob" },
                { name: "ErrorCode", value: "2200" },
                {
                  name: "ErrorMessage",
                  value: error ?? `ErrorCode=UserErrorFileNotFound,Message=The file 'in/${n}.csv' does not exist.`,
                },
                { name: "FailureType", value: "UserError" },
              ],
              metricValue: 1,
            },
          ],
          windowStartTime: new Date(Date.now() - 300_000).toISOString(),
          windowEndTime: new Date().toISOString(),
        },
      },
    },
  });
}

/** BENCH_PG_URL=postgresql://...: run on that server, a fresh database per phase; default: a fresh PGlite folder. */
const pgAdmin = process.env.BENCH_PG_URL;

async function pgAdminQuery(sql: string) {
  const client = new pg.Client({ connectionString: pgAdmin });
  await client.connect();
  await client.query(sql);
  await client.end();
}

type Server = { proc: ChildProcess; dataDir: string; pgDatabase?: string };

/** `prepare` runs on the migrated database before the server opens it (an embedded database has one owner). */
async function startServer(
  env: Record<string, string>,
  prepare?: (handle: DatabaseHandle) => Promise<void>,
): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rca-bench-"));
  let databaseUrl = `pglite:${dataDir}`;
  let pgDatabase: string | undefined;
  if (pgAdmin) {
    pgDatabase = `rca_bench_${process.pid}_${Date.now()}`;
    await pgAdminQuery(`CREATE DATABASE "${pgDatabase}"`);
    const u = new URL(pgAdmin);
    u.pathname = `/${pgDatabase}`;
    databaseUrl = u.toString();
  }
  if (prepare) {
    const handle = openDatabase(databaseUrl);
    await deployMigrations(handle);
    await prepare(handle);
    await handle.close();
  }
  const proc = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/start.ts")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      RCA_API_KEY: KEY,
      RCA_ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
      LOG_LEVEL: "warn",
      RCA_BENCH_ROUTES: "true",
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { proc, dataDir, pgDatabase };
    } catch {
      /* not up yet */
    }
    if (proc.exitCode !== null) throw new Error("server exited during start-up");
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not become healthy");
}

async function stopServer(s: Server) {
  s.proc.kill("SIGTERM");
  await new Promise((r) => s.proc.once("exit", r));
  fs.rmSync(s.dataDir, { recursive: true, force: true });
  if (s.pgDatabase) await pgAdminQuery(`DROP DATABASE IF EXISTS "${s.pgDatabase}" WITH (FORCE)`);
}

type Result = { rps: number; p50: number; p99: number; non2xx: number; total: number };

function load(
  pathname: string,
  seconds: number,
  onBody?: (status: number, body: string) => void,
  body: (n: number) => string = (n) => adfAlert(n),
): Promise<Result> {
  let n = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${base}${pathname}`,
        connections,
        duration: seconds,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            setupRequest: (req: autocannon.Request) => ({ ...req, body: body(n++) }),
            onResponse: (status: number, body: string) => onBody?.(status, body),
          },
        ],
      },
      (err: Error | null, r: autocannon.Result) => {
        if (err) return reject(err);
        resolve({
          rps: r.requests.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          non2xx: r.non2xx,
          total: r.requests.total,
        });
      },
    );
  });
}

async function intakeBench() {
  const server = await startServer({ WORKER_ENABLED: "false" });
  try {
    await load("/api/ping", 3);
    await load(`/api/azure-monitor?api_key=${KEY}`, 3);
    const trivial = await load("/api/ping", duration);
    const ticketsBefore = (await (await fetch(`${base}/api/metrics?window=1h`, BENCH_AUTH)).json()).tickets as number;
    const tickets = new Set<string>();
    let accepted = 0;
    const intake = await load(`/api/azure-monitor?api_key=${KEY}`, duration, (status, body) => {
      if (status !== 202) return;
      accepted++;
      tickets.add(JSON.parse(body).ticketId);
    });
    const metrics = await (await fetch(`${base}/api/metrics?window=1h`, BENCH_AUTH)).json();
    return {
      trivial,
      intake,
      accepted,
      uniqueTickets: tickets.size,
      storedTickets: (metrics.tickets as number) - ticketsBefore,
    };
  } finally {
    await stopServer(server);
  }
}

async function endToEndBench(alerts: number) {
  const server = await startServer({ WORKER_ENABLED: "true" });
  try {
    const started = Date.now();
    await postAll(`${base}/api/azure-monitor?api_key=${KEY}`, alerts, connections, (n) => adfAlert(n));
    const posted = Date.now();
    for (;;) {
      const h = await (await fetch(`${base}/api/health`)).json();
      if (h.jobs.pending === 0) {
        if (h.jobs.failed) throw new Error(`${h.jobs.failed} jobs failed`);
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const done = Date.now();
    return { alerts, postSeconds: (posted - started) / 1000, totalSeconds: (done - started) / 1000 };
  } finally {
    await stopServer(server);
  }
}

/** the storm's one cause: the shared cluster's driver went away (Databricks' own words, in every failed task) */
const STORM_ERROR = "Run failed with error message Could not reach driver of cluster 0101-120000-bench01.";
const STORM_WORKSPACE = 1234567890123456;

/**
 * A storm (issue 10): unique Databricks job failures with one cause, the worker running, the Databricks fake answering
 * every API call in ~50 ms (enrichment asks runs/get and runs/get-output), Slack and Jira fakes enforcing rate limits
 * (Slack ~1 message/s per channel). Alerts fully processed (enrich → rca → notify → remediate) per second, and per
 * ticket the time from its delivery to being told: its own Slack message (the incident's first ticket) or joining the
 * incident whose message is updated (the others).
 */
async function stormBench(alerts: number) {
  const slack = await startFakeSlack({ token: "xoxb-bench", maxPerSecondPerChannel: 1 });
  const jira = await startFakeJira({ email: "bench@example.com", apiToken: "bench-token" });
  const dbx = await startFakeDatabricks({ latencyMs: 50 });
  const firstRun = 70_000_000;
  for (let n = 0; n < alerts; n++) {
    const runId = firstRun + 2 * n;
    dbx.addRun(
      jobRun({
        runId,
        clusterId: "0101-120000-bench01",
        tasks: [{ taskKey: "main", runId: runId + 1, result: "FAILED" }],
      }),
    );
    dbx.setRunOutput(runId + 1, runOutput({ taskRunId: runId + 1, taskKey: "main", error: STORM_ERROR }));
  }
  const server = await startServer({
    WORKER_ENABLED: "true",
    DATABRICKS_HOST: dbx.url,
    DATABRICKS_TOKEN: dbx.token,
    DATABRICKS_WORKSPACE_ID: String(STORM_WORKSPACE),
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_CHANNEL: "C0BENCH",
    SLACK_API_URL: slack.url,
    JIRA_BASE_URL: jira.url,
    JIRA_EMAIL: "bench@example.com",
    JIRA_API_TOKEN: "bench-token",
    JIRA_PROJECT_KEY: "OPS",
    INCIDENT_UPDATE_SECONDS: "5",
  });
  try {
    const started = Date.now();
    const ids: string[] = [];
    await postAll(
      `${base}/api/databricks-monitor?api_key=${KEY}`,
      alerts,
      connections,
      (n) =>
        JSON.stringify({
          event_type: "jobs.on_failure",
          workspace_id: STORM_WORKSPACE,
          run: { run_id: firstRun + 2 * n },
          job: { job_id: 4242, name: `nightly_${n % 50}` },
        }),
      async (r) => {
        ids.push(((await r.json()) as { ticketId: string }).ticketId);
      },
    );
    const postSeconds = (Date.now() - started) / 1000;
    for (;;) {
      const h = await (await fetch(`${base}/api/health`)).json();
      if (h.jobs.pending === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const totalSeconds = (Date.now() - started) / 1000;
    const told: number[] = [];
    for (const id of ids) {
      const t = (await (await fetch(`${base}/api/tickets/${id}`, BENCH_AUTH)).json()) as {
        createdAt: string;
        audit: { action: string; createdAt: string }[];
      };
      const at = t.audit.find((a) => a.action === "notification sent" || a.action === "joined incident")?.createdAt;
      if (at) told.push(Date.parse(at) - Date.parse(t.createdAt));
    }
    told.sort((a, b) => a - b);
    return {
      alerts,
      postSeconds,
      totalSeconds,
      told: told.length,
      p50: told[Math.floor(told.length * 0.5)] ?? NaN,
      p95: told[Math.floor(told.length * 0.95)] ?? NaN,
      slackMessages: slack.messages.filter((m) => m.thread_ts === null).length,
      slackCalls: slack.requests.length,
      jiraIssues: jira.issues.length,
      databricksCalls: dbx.requests.length,
    };
  } finally {
    await stopServer(server);
    await slack.close();
    await jira.close();
    await dbx.close();
  }
}

async function main() {
  const phases = new Set(String(args.phases).split(","));
  console.log(
    `bench: ${pgAdmin ? "PostgreSQL" : "embedded PGlite"}, ${connections} connections, ${duration} s per run, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}`,
  );
  let ok = true;
  if (phases.has("intake")) ok = await intakePhase();
  if (phases.has("e2e")) {
    const e2e = await endToEndBench(Number(args["e2e-alerts"]));
    console.log(
      `\nend to end (worker running): ${e2e.alerts} alerts posted in ${e2e.postSeconds.toFixed(1)} s, fully processed (enrich + RCA) in ${e2e.totalSeconds.toFixed(1)} s = ${(e2e.alerts / e2e.totalSeconds).toFixed(0)} alerts/s`,
    );
  }
  if (phases.has("drain")) {
    let url: string | undefined;
    if (pgAdmin) {
      const name = `rca_bench_drain_${process.pid}`;
      await pgAdminQuery(`CREATE DATABASE "${name}"`);
      const u = new URL(pgAdmin);
      u.pathname = `/${name}`;
      url = u.toString();
    }
    try {
      const d = await drainBench(Number(args["e2e-alerts"]), (n) => adfAlert(n), connections, url);
      console.log(
        `\nbacklog drain (worker alone, batches of ${d.batchSize}): ${d.alerts} accepted alerts fully processed (enrich + RCA) in ${d.seconds.toFixed(1)} s = ${(d.alerts / d.seconds).toFixed(0)} alerts/s`,
      );
    } finally {
      if (url) await pgAdminQuery(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
    }
  }
  if (phases.has("storm")) {
    const storm = await stormBench(Number(args["storm-alerts"]));
    console.log(
      `\nstorm (Databricks, one cause, API fake at 50 ms, Slack + Jira fakes, Slack 1 msg/s per channel): ${storm.alerts} alerts posted in ${storm.postSeconds.toFixed(1)} s, fully processed (enrich + RCA + notify + remediate) in ${storm.totalSeconds.toFixed(1)} s = ${(storm.alerts / storm.totalSeconds).toFixed(0)} alerts/s; delivery -> told (own message or joined the incident) p50 ${(storm.p50 / 1000).toFixed(1)} s, p95 ${(storm.p95 / 1000).toFixed(1)} s over ${storm.told} tickets; Slack: ${storm.slackMessages} message(s), ${storm.slackCalls} calls; Jira: ${storm.jiraIssues} issue(s); Databricks API calls: ${storm.databricksCalls}`,
    );
  }
  if (phases.has("list")) await listPhase(Number(args["list-tickets"]), Number(args["list-rounds"]));
  if (phases.has("duplicates")) ok = (await duplicatesPhase(Number(args["list-tickets"]))) && ok;
  if (phases.has("rca"))
    console.log(`\nRCA rules per failure (the labelled real reports, in this process):\n${rcaBench().join("\n")}`);
  process.exit(ok ? 0 : 1);
}

async function listPhase(tickets: number, rounds: number) {
  const seeded = performance.now();
  const server = await startServer({ WORKER_ENABLED: "false" }, (h) => seedTickets(h, tickets));
  try {
    console.log(
      `\nticket list at ${tickets.toLocaleString("en")} tickets (seeded and started in ${((performance.now() - seeded) / 1000).toFixed(0)} s), ${rounds} requests per query, one at a time:`,
    );
    console.log(`| query | p50 ms | p95 ms | items |`);
    console.log(`|---|---|---|---|`);
    for (const r of await timeQueries(base, rounds, BENCH_AUTH))
      console.log(`| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.items} |`);
  } finally {
    await stopServer(server);
  }
}

/** the runs the duplicates phase repeats: its tickets spread over the seeded table's newest pages */
const DUPLICATED_RUNS = 2000;

/**
 * Duplicate deliveries (issue 14): every delivery repeats one of DUPLICATED_RUNS failures already ticketed, on a table
 * seeded with `tickets` tickets, against the trivial route on the same server. A duplicate updates its ticket's
 * duplicate count and last-seen time, so this is what an index on either column costs.
 */
async function duplicatesPhase(tickets: number): Promise<boolean> {
  const server = await startServer({ WORKER_ENABLED: "false" }, (h) => seedTickets(h, tickets));
  try {
    const run = (i: number) => `bench-dup-${i}`;
    const url = `/api/azure-monitor?api_key=${KEY}`;
    const ticketed = new Set<string>();
    await postAll(
      `${base}${url}`,
      DUPLICATED_RUNS,
      connections,
      (n) => adfAlert(n, undefined, run(n)),
      async (r) => void ticketed.add(((await r.json()) as { ticketId: string }).ticketId),
    );
    const repeat = () => {
      const i = Math.floor(Math.random() * DUPLICATED_RUNS);
      return adfAlert(i, undefined, run(i));
    };
    await load("/api/ping", 3);
    await load(url, 3, undefined, repeat);
    const trivial = await load("/api/ping", duration);
    let duplicates = 0;
    let other = 0;
    const dup = await load(
      url,
      duration,
      (status, body) => {
        const answer = JSON.parse(body) as { status?: string; ticketId?: string };
        if (status === 200 && answer.status === "duplicate_ignored" && ticketed.has(answer.ticketId ?? ""))
          duplicates++;
        else other++;
      },
      repeat,
    );
    console.log(
      `\nduplicate deliveries at ${tickets.toLocaleString("en")} seeded tickets (${DUPLICATED_RUNS} runs repeated at random):`,
    );
    console.log(`| route | req/s | p50 ms | p99 ms | non-2xx | requests |`);
    console.log(`|---|---|---|---|---|---|`);
    for (const [name, r] of [
      ["trivial route (POST /api/ping)", trivial],
      ["intake, duplicates only", dup],
    ] as const)
      console.log(`| ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.total} |`);
    console.log(
      `duplicates / trivial: ${((dup.rps / trivial.rps) * 100).toFixed(1)}% of the rate, p99 ${(dup.p99 / trivial.p99).toFixed(2)}x`,
    );
    console.log(
      `answers "duplicate_ignored" with one of the ${ticketed.size} tickets: ${duplicates}; any other answer: ${other}`,
    );
    const ok = other === 0 && ticketed.size === DUPLICATED_RUNS;
    console.log(ok ? "verified: every delivery counted as a duplicate of its ticket" : "VERIFICATION FAILED");
    return ok;
  } finally {
    await stopServer(server);
  }
}

async function intakePhase(): Promise<boolean> {
  const r = await intakeBench();
  const ratio = r.intake.rps / r.trivial.rps;
  const lost = r.accepted - r.uniqueTickets;
  console.log(`\n| route | req/s | p50 ms | p99 ms | non-2xx | requests |`);
  console.log(`|---|---|---|---|---|---|`);
  console.log(
    `| trivial route (POST /api/ping) | ${r.trivial.rps.toFixed(0)} | ${r.trivial.p50} | ${r.trivial.p99} | ${r.trivial.non2xx} | ${r.trivial.total} |`,
  );
  console.log(
    `| intake (POST /api/azure-monitor, unique ADF failures) | ${r.intake.rps.toFixed(0)} | ${r.intake.p50} | ${r.intake.p99} | ${r.intake.non2xx} | ${r.intake.total} |`,
  );
  console.log(
    `\nintake / trivial: ${(ratio * 100).toFixed(1)}% of the rate, p99 ${(r.intake.p99 / r.trivial.p99).toFixed(2)}x`,
  );
  console.log(
    `202 answers: ${r.accepted}, distinct ticket ids in them: ${r.uniqueTickets}, tickets stored: ${r.storedTickets}`,
  );
  // Requests in flight when the load stopped may be stored without their answer being counted.
  const unanswered = r.storedTickets - r.accepted;
  const ok = lost === 0 && unanswered >= 0 && unanswered <= connections && r.intake.non2xx === 0;
  console.log(ok ? "verified: every 2xx has exactly one ticket, none lost or duplicated" : "VERIFICATION FAILED");
  return ok;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
