// Each knowledge-base class that proposes an automatic fix, against the labelled real reports it matched: a class
// whose fix the labels put in doubt must propose none (MIN_FIX_PRECISION in ./evaluate). A new labelled set that
// puts a class in doubt turns this red, so the decision is taken, not drifted into.
import { describe, expect, it } from "vitest";
import { loadAllLabelledSets } from "./dataset";
import { classifyItem, fixInDoubt, fixRecord, type ItemResult } from "./evaluate";

const result = (classId: string | null, remediation: ItemResult["remediation"], allowed: boolean): ItemResult => ({
  id: `x-${Math.random()}`,
  service: "databricks",
  expected: "transient",
  expectedRemediation: allowed ? "retry_with_backoff" : "none",
  predicted: "transient",
  remediation,
  method: classId ? "rule" : "statistical",
  matchedClassId: classId,
  confidence: 0.7,
  model: null,
});

describe("automatic fixes by class", () => {
  it("counts, per class, the reports it proposed a fix for and those whose label allows one", () => {
    const records = fixRecord([
      result("a", "retry", true),
      result("a", "retry", false),
      result("b", "retry_with_backoff", true),
      result("b", "none", false), // no fix proposed: not counted
      result(null, "none", false),
    ]);
    expect(records).toEqual([
      { classId: "a", n: 2, allowed: 1 },
      { classId: "b", n: 1, allowed: 1 },
    ]);
  });

  it("puts a fix in doubt below 3 right in 4, once it has been proposed twice", () => {
    expect(fixInDoubt({ classId: "a", n: 2, allowed: 1 })).toBe(true);
    expect(fixInDoubt({ classId: "a", n: 16, allowed: 10 })).toBe(true);
    expect(fixInDoubt({ classId: "a", n: 4, allowed: 3 })).toBe(false);
    expect(fixInDoubt({ classId: "a", n: 1, allowed: 0 })).toBe(false);
  });

  it("no class proposes a fix that its labelled real reports put in doubt", () => {
    const records = fixRecord(loadAllLabelledSets().map((i) => classifyItem(i)));
    expect(records.filter(fixInDoubt)).toEqual([]);
    // the fixes that remain are still proposed: the rule withholds, it does not switch automatic fixing off
    expect(records.reduce((n, r) => n + r.n, 0)).toBeGreaterThanOrEqual(30);
  }, 60_000);
});
