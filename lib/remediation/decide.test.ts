// The guardrails hold whatever the policy says; the policy decides the mode within them.
import { describe, expect, it } from "vitest";
import { decideRemediation, type DecisionHistory, type DecisionRca, type DecisionTicket } from "./decide";
import { globMatches } from "./policy";
import type { PolicyRule, RemediationSettings } from "./types";

const settings: RemediationSettings = {
  enabled: true,
  defaultMode: "approval",
  minConfidence: 0.7,
  maxAttempts: 2,
  maxPerHour: 3,
  breakerThreshold: 3,
  breakerCooldownMs: 30 * 60_000,
  backoffMs: 60_000,
  pollMs: 30_000,
  verifyTimeoutMs: 3 * 3_600_000,
  killSwitch: false,
};
const ticket: DecisionTicket = {
  source: "databricks",
  resourceName: "nightly_etl",
  errorCode: null,
  errorMessage: "Cluster was terminated. Reason: DRIVER_UNREACHABLE",
  tags: { environment: "prod" },
  status: "open",
};
const rca: DecisionRca = {
  category: "transient",
  remediation: "repair_run",
  confidence: 0.8,
  method: "rule",
  matchedClassId: "dbx-driver-unreachable",
};
const quiet: DecisionHistory = { ticketAttempts: 0, resourceAttemptsLastHour: 0, breaker: null };
const rule = (over: Partial<PolicyRule>): PolicyRule => ({
  id: "r1",
  position: 1,
  enabled: true,
  source: null,
  category: null,
  classOrCode: null,
  namePattern: null,
  tag: null,
  mode: "auto",
  playbookUrl: null,
  note: null,
  ...over,
});
const decide = (
  o: {
    t?: Partial<DecisionTicket>;
    r?: Partial<DecisionRca>;
    rules?: PolicyRule[];
    s?: Partial<RemediationSettings>;
    h?: Partial<DecisionHistory>;
  } = {},
) =>
  decideRemediation(
    { ...ticket, ...o.t },
    { ...rca, ...o.r },
    o.rules ?? [],
    { ...settings, ...o.s },
    { ...quiet, ...o.h },
    "databricks:1",
  );

describe("guardrails", () => {
  it.each(["permission", "configuration", "schema_data", "code", "unknown"] as const)(
    "never acts on a %s failure, even under an auto rule",
    (category) => {
      const d = decide({ r: { category }, rules: [rule({ mode: "auto" })] });
      expect(d).toMatchObject({ record: true, status: "skipped" });
    },
  );

  it("never acts on a statistical guess", () => {
    expect(decide({ r: { method: "statistical" }, rules: [rule({})] })).toMatchObject({ status: "skipped" });
  });

  it("never acts when the error text itself says a person must fix it, whatever else it says", () => {
    const d = decide({
      t: { errorMessage: "AuthorizationFailed: the client has no access. This is a transient error, please retry." },
      rules: [rule({})],
    });
    expect(d).toMatchObject({ status: "skipped" });
    if (d.record) expect(d.reason).toMatch(/AuthorizationFailed/i);
  });

  it("stops below the confidence floor", () => {
    expect(decide({ r: { confidence: 0.69 }, rules: [rule({})] })).toMatchObject({ status: "skipped" });
    expect(decide({ r: { confidence: 0.7 }, rules: [rule({})] })).toMatchObject({ status: "approved" });
  });

  it("counts attempts per ticket and per job-hour", () => {
    expect(decide({ rules: [rule({})], h: { ticketAttempts: 2 } })).toMatchObject({ status: "skipped" });
    expect(decide({ rules: [rule({})], h: { resourceAttemptsLastHour: 3 } })).toMatchObject({ status: "skipped" });
    expect(decide({ rules: [rule({})], h: { ticketAttempts: 1, resourceAttemptsLastHour: 2 } })).toMatchObject({
      status: "approved",
    });
  });

  it("an open breaker blocks until its cool-down is over, then lets one trial through", () => {
    const now = new Date();
    const open = (minutesAgo: number) => ({ state: "open", openedAt: new Date(now.getTime() - minutesAgo * 60_000) });
    expect(decide({ rules: [rule({})], h: { breaker: open(5) } })).toMatchObject({ status: "skipped" });
    expect(decide({ rules: [rule({})], h: { breaker: open(31) } })).toMatchObject({ status: "approved" });
    expect(decide({ rules: [rule({})], h: { breaker: { state: "half_open", openedAt: null } } })).toMatchObject({
      status: "skipped",
    });
  });

  it("the kill switch stops every fix that would call something; dry runs are still recorded", () => {
    expect(decide({ rules: [rule({})], s: { killSwitch: true } })).toMatchObject({ status: "skipped" });
    expect(decide({ rules: [rule({ mode: "dry_run" })], s: { killSwitch: true } })).toMatchObject({
      status: "dry_run",
    });
  });

  it("with AUTO_REMEDIATION_ENABLED off, records what would have been done and nothing else", () => {
    const d = decide({ rules: [rule({ mode: "auto" })], s: { enabled: false } });
    expect(d).toMatchObject({ status: "dry_run", mode: "dry_run" });
    if (d.record) expect(d.reason).toMatch(/AUTO_REMEDIATION_ENABLED is off: would run/);
  });

  it("nothing to record when the RCA proposes no fix or the ticket is resolved", () => {
    expect(decide({ r: { remediation: "none" } })).toMatchObject({ record: false });
    expect(decide({ t: { status: "resolved" }, rules: [rule({})] })).toMatchObject({ record: false });
  });
});

describe("the policy", () => {
  it("the first enabled matching rule decides; none matching → the default mode", () => {
    const rules = [
      rule({ id: "off-dev", position: 1, tag: "environment=dev", mode: "off" }),
      rule({ id: "disabled", position: 2, enabled: false, mode: "dry_run" }),
      rule({
        id: "prod-auto",
        position: 3,
        source: "databricks",
        namePattern: "nightly_*",
        tag: "environment=prod",
        mode: "auto",
      }),
    ];
    expect(decide({ rules })).toMatchObject({ status: "approved", ruleId: "prod-auto" });
    expect(decide({ rules, t: { tags: { environment: "dev" } } })).toMatchObject({
      status: "skipped",
      ruleId: "off-dev",
    });
    expect(decide({ rules, t: { resourceName: "hourly_load" } })).toMatchObject({ status: "proposed", ruleId: null });
  });

  it("matches a knowledge-base class or an error code", () => {
    expect(decide({ rules: [rule({ classOrCode: "dbx-driver-unreachable" })] })).toMatchObject({ ruleId: "r1" });
    expect(decide({ rules: [rule({ classOrCode: "2200" })], t: { errorCode: "2200" } })).toMatchObject({
      ruleId: "r1",
    });
    expect(decide({ rules: [rule({ classOrCode: "2108" })] })).toMatchObject({ ruleId: null });
  });

  it("a cluster resize needs a person unless a rule says auto for it", () => {
    expect(
      decide({ r: { remediation: "scale_up_cluster", category: "resource" }, s: { defaultMode: "auto" } }),
    ).toMatchObject({
      status: "proposed",
      mode: "approval",
    });
    expect(decide({ r: { remediation: "scale_up_cluster", category: "resource" }, rules: [rule({})] })).toMatchObject({
      status: "approved",
    });
  });

  it("globs are case-insensitive and anchored", () => {
    expect(globMatches("nightly_*", "NIGHTLY_etl")).toBe(true);
    expect(globMatches("etl?", "etl1")).toBe(true);
    expect(globMatches("etl", "etl_prod")).toBe(false);
    expect(globMatches("a.b", "axb")).toBe(false);
  });
});
