import { describe, expect, it } from "vitest";
import { severityAfterRca } from "./severity";

describe("severityAfterRca", () => {
  it("raises a low alert whose failure needs a person, and says why", () => {
    const r = severityAfterRca("low", "upstream_data");
    expect(r.severity).toBe("medium");
    expect(r.reason).toMatch(/raised from low to medium: the RCA found a upstream data failure/);
    expect(severityAfterRca("medium", "permission")).toMatchObject({ severity: "high" });
    expect(severityAfterRca("info", "schema_data")).toMatchObject({ severity: "high" });
  });

  it("never lowers the alert's word, and leaves transient and undetermined failures as the alert said", () => {
    expect(severityAfterRca("critical", "permission")).toEqual({ severity: "critical", reason: null });
    expect(severityAfterRca("high", "upstream_data")).toEqual({ severity: "high", reason: null });
    expect(severityAfterRca("low", "transient")).toEqual({ severity: "low", reason: null });
    expect(severityAfterRca("medium", "unknown")).toEqual({ severity: "medium", reason: null });
  });
});
