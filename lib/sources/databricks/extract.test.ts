// Golden tests for the Databricks adapter: every fixture payload (the corpus
// webhooks, numeric-id variants, custom cluster/library payloads) against its
// .expected.json, field by field; plus the dedup and rejection rules.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dedupIdentity, resolutionMatch } from "../../ingest/dedup";
import type { ExtractResult, Interpretation, NormalizedFailure } from "../types";
import { databricksSource } from "./index";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const ctx = { receivedAt: new Date("2025-03-04T04:00:00.000Z") };

const read = (name: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8"));
const interpret = (body: unknown): Interpretation => databricksSource.interpret(body, ctx);
/** Dates as the expected files spell them (ISO strings). */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function failures(result: Interpretation): NormalizedFailure[] {
  if (result.kind !== "failures") throw new Error(`expected failures, got ${result.kind}: ${JSON.stringify(result)}`);
  return result.failures;
}

const payloads = readdirSync(FIXTURES).filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"));

describe("databricks extract: golden fixtures", () => {
  it("has a source note and an expected file for every payload, and covers every corpus webhook", () => {
    for (const f of payloads) {
      expect(readdirSync(FIXTURES), f).toContain(`${f}.note.md`);
      expect(readdirSync(FIXTURES), f).toContain(f.replace(/\.json$/, ".expected.json"));
    }
    for (const corpus of [
      "jobs.on_failure_job-run.json",
      "jobs.on_start_job-run.json",
      "jobs.on_start_task-run.json",
      "jobs.on_success_task-run.json",
    ]) {
      expect(payloads).toContain(corpus);
    }
  });

  it.each(payloads)("%s", (file) => {
    const actual = plain(interpret(read(file))) as ExtractResult;
    const expected = read(file.replace(/\.json$/, ".expected.json")) as ExtractResult;
    expect(actual.kind, "kind").toBe(expected.kind);
    expect(actual.eventType, "eventType").toBe(expected.eventType);
    if (expected.kind === "failures" && actual.kind === "failures") {
      expect(actual.failures.length, "number of failures").toBe(expected.failures.length);
      expected.failures.forEach((want, i) => {
        const got = actual.failures[i] as unknown as Record<string, unknown>;
        expect(Object.keys(got).sort(), `failures[${i}] fields`).toEqual(Object.keys(want).sort());
        for (const [field, value] of Object.entries(want)) expect(got[field], `failures[${i}].${field}`).toEqual(value);
      });
    } else {
      expect(actual).toEqual(expected);
    }
  });
});

describe("databricks extract: one ticket per job run", () => {
  const windowMs = 60 * 60_000;
  const identity = (file: string) =>
    dedupIdentity("databricks", failures(interpret(read(file)))[0], windowMs, ctx.receivedAt).key;

  it("gives a task failure and the job failure of the same run the same dedup key", () => {
    const job = failures(interpret(read("jobs.on_failure_job-run.numeric.json")))[0];
    const task = failures(interpret(read("jobs.on_failure_task-run.numeric.json")))[0];
    expect([task.runId, task.scope]).toEqual([job.runId, job.scope]);
    expect(identity("jobs.on_failure_task-run.numeric.json")).toBe("databricks:1234567890123456:784519203361742");
    expect(identity("jobs.on_failure_job-run.numeric.json")).toBe(identity("jobs.on_failure_task-run.numeric.json"));
    // string ids and extra fields: still the same run
    expect(identity("jobs.on_failure_job-run.string-ids-extra-fields.json")).toBe(
      identity("jobs.on_failure_job-run.numeric.json"),
    );
  });

  it("keeps duration warnings and streaming backlog out of the failure ticket", () => {
    const warning = identity("jobs.on_duration_warning_threshold_exceeded_job-run.numeric.json");
    expect(warning).not.toBe(identity("jobs.on_failure_job-run.numeric.json"));
    expect(warning).toBe("databricks:1234567890123456:784519203361742:duration_warning");
  });

  it("resolves the failure ticket and the run's warnings on job success, not on task success", () => {
    const result = interpret(read("jobs.on_success_job-run.numeric.json"));
    if (result.kind !== "resolution") throw new Error(result.kind);
    const keys = result.targets.map((t) => resolutionMatch("databricks", t).dedupKey);
    expect(keys).toContain(identity("jobs.on_failure_job-run.numeric.json"));
    expect(keys).toContain(identity("jobs.on_duration_warning_threshold_exceeded_job-run.numeric.json"));
    expect(interpret(read("jobs.on_success_task-run.numeric.json")).kind).toBe("ignored");
  });

  it("dedups the same cluster event reported twice, whatever the timestamp format", () => {
    const base = read("custom_cluster.failed_to_start_cloud-launch.json") as Record<string, unknown>;
    const asEpoch = {
      ...base,
      timestamp: Date.parse(String(base.timestamp)),
      event_type: "cluster.terminated",
      reporter: "rca-desk-watcher",
    };
    const a = failures(interpret(base))[0];
    const b = failures(interpret(asEpoch))[0];
    expect(a.naturalKey).toBe(b.naturalKey);
    const later = failures(interpret({ ...asEpoch, timestamp: (asEpoch.timestamp as number) + 60_000 }))[0];
    expect(later.naturalKey).not.toBe(a.naturalKey);
  });
});

describe("databricks extract: what it rejects and ignores", () => {
  const job = read("jobs.on_failure_job-run.numeric.json") as Record<string, unknown>;

  it.each([
    ["no event_type", { ...job, event_type: undefined }, "event_type"],
    ["an unrelated event type", { ...job, event_type: "pipeline.failed" }, "event_type"],
    ["no run id", { ...job, run: {} }, "run.run_id"],
    ["no workspace id", { ...job, workspace_id: undefined }, "workspace_id"],
    ["a custom payload without cluster", { event_type: "cluster.terminated", workspace_id: "1" }, "cluster"],
    [
      "a library failure without coordinates",
      {
        event_type: "library.install_failed",
        workspace_id: "1",
        cluster: { cluster_id: "c" },
        library: { messages: ["x"] },
      },
      "library",
    ],
    [
      "a bad timestamp",
      { event_type: "cluster.terminated", workspace_id: "1", cluster: { cluster_id: "c" }, timestamp: "yesterday" },
      "timestamp",
    ],
    // 1e308 once threw RangeError (a 503) on its way to the database
    ...[1e308, -1e308, 1741054507412000, "+275760-09-13T00:00:00Z", 0].map((timestamp) => [
      `an impossible timestamp (${timestamp})`,
      { event_type: "cluster.terminated", workspace_id: "1", cluster: { cluster_id: "c" }, timestamp },
      "timestamp: expected epoch milliseconds or an ISO-8601 date between the years 2000 and 2099",
    ]),
    [
      "an impossible termination time",
      { event_type: "cluster.terminated", workspace_id: "1", cluster: { cluster_id: "c", terminated_time: 1e20 } },
      "cluster.terminated_time",
    ],
  ] as [string, unknown, string][])("422s %s and says what was expected", (_label, body, pathHint) => {
    const result = interpret(body);
    expect(result.kind).toBe("unsupported");
    if (result.kind !== "unsupported") return;
    expect(result.message).toContain("Databricks job notification webhook");
    expect(result.message).toContain(pathHint);
  });

  it("ignores normal cluster terminations (user, job finished, idle) and SUCCESS types", () => {
    for (const code of ["USER_REQUEST", "JOB_FINISHED", "INACTIVITY"]) {
      const r = interpret({
        event_type: "cluster.terminated",
        workspace_id: "1",
        cluster: { cluster_id: "c", termination_reason: { code } },
      });
      expect(r.kind, code).toBe("ignored");
    }
    const success = interpret({
      event_type: "cluster.terminated",
      workspace_id: "1",
      cluster: { cluster_id: "c", termination_reason: { code: "X", type: "SUCCESS" } },
    });
    expect(success.kind).toBe("ignored");
  });

  it("rates cluster severity by termination type", () => {
    const sev = (event: string, type: string) =>
      failures(
        interpret({
          event_type: event,
          workspace_id: "1",
          timestamp: 1741054507412,
          cluster: { cluster_id: "c", termination_reason: { code: "SOME_CODE", type } },
        }),
      )[0].severity;
    expect(sev("cluster.terminated", "CLIENT_ERROR")).toBe("high");
    expect(sev("cluster.terminated", "CLOUD_FAILURE")).toBe("high");
    expect(sev("cluster.terminated", "SERVICE_FAULT")).toBe("medium");
    expect(sev("cluster.failed_to_start", "SERVICE_FAULT")).toBe("high");
  });
});
