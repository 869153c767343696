// The demo's samples arrive with today's times, their spacing kept.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rebaseTimes } from "./demo-times";

const fixtures = path.resolve(import.meta.dirname, "../lib/sources");
const load = (f: string) => JSON.parse(fs.readFileSync(path.join(fixtures, f), "utf8"));
const now = new Date("2026-12-03T09:00:00.000Z");

describe("rebaseTimes", () => {
  it("moves an Azure alert's times so the newest is now, keeping the gaps", () => {
    const alert = load("azure-data-factory/fixtures/adf_metric_pipeline-failed-runs_resolved.json");
    const e = alert.data.essentials;
    const gap = Date.parse(e.resolvedDateTime) - Date.parse(e.firedDateTime);
    const moved = rebaseTimes(alert, now).data.essentials;
    expect(Date.parse(moved.resolvedDateTime)).toBe(now.getTime());
    expect(Date.parse(moved.resolvedDateTime) - Date.parse(moved.firedDateTime)).toBe(gap);
    // the window's times move with it
    const win = rebaseTimes(alert, now).data.alertContext.condition;
    expect(Date.parse(win.windowEndTime)).toBeLessThanOrEqual(now.getTime());
    expect(Date.parse(win.windowEndTime)).toBeGreaterThan(now.getTime() - 3_600_000);
  });

  it("moves epoch milliseconds under time keys and log search V1's US-format interval", () => {
    const cluster = rebaseTimes(load("databricks/fixtures/custom_cluster.terminated_driver-unreachable.json"), now);
    const text = JSON.stringify(cluster);
    expect(text).not.toMatch(/"20(?:1\d|2[0-5])-\d\d-\d\dT/);
    const v1 = rebaseTimes(load("azure-data-factory/fixtures/adf_log-v1_activity-runs_two-runs.json"), now);
    const ctx = v1.data.alertContext;
    expect(ctx.SearchIntervalEndtimeUtc).toMatch(/^\d{1,2}\/\d{1,2}\/2026 \d{1,2}:\d\d:\d\d [AP]M$/);
    // every time moved; a date inside an error message (a file name) is text, not a time
    expect(JSON.stringify(v1)).not.toMatch(/"(?:2024|2025)-\d\d-\d\dT|\/(?:2024|2025) /);
    expect(JSON.stringify(v1)).toContain("orders_2025-06-01.csv");
  });

  it("leaves ids, counts and payloads without times alone", () => {
    const job = load("databricks/fixtures/jobs.on_failure_job-run.numeric.json");
    const moved = rebaseTimes(job, now);
    expect(moved.job.id ?? moved.job_id).toEqual(job.job.id ?? job.job_id);
    expect(rebaseTimes({ run_id: 1741054507412, n: 3 }, now)).toEqual({ run_id: 1741054507412, n: 3 });
  });

  it("moves times inside JSON written into a log row's string column (Synapse's Spark application)", () => {
    const alert = load("synapse/fixtures/synapse_log-v1_spark-application-dead.json");
    const moved = JSON.stringify(rebaseTimes(alert, now));
    expect(moved).not.toMatch(/20(?:1\d|2[0-5])-\d\d-\d\dT/);
    expect(moved).toContain("nightly_merge_customers");
  });
});
