import { describe, expect, it } from "vitest";
import { severityAfterRca } from "./severity";

describe("severityAfterRca", () => {
  it("raises a low alert whose failure needs a person, and says why", () => {
    const r = severityAfterRca("low", "upstream_data", "rule");
    expect(r.severity).toBe("medium");
    expect(r.reason).toMatch(/raised from low to medium: the RCA found a upstream data failure/);
    expect(severityAfterRca("medium", "permission", "rule")).toMatchObject({ severity: "high" });
    expect(severityAfterRca("info", "schema_data", "gemini")).toMatchObject({ severity: "high" });
  });

  it("never lowers the alert's word, and leaves transient and undetermined failures as the alert said", () => {
    expect(severityAfterRca("critical", "permission", "rule")).toEqual({ severity: "critical", reason: null });
    expect(severityAfterRca("high", "upstream_data", "rule")).toEqual({ severity: "high", reason: null });
    expect(severityAfterRca("low", "transient", "rule")).toEqual({ severity: "low", reason: null });
    expect(severityAfterRca("medium", "unknown", "none")).toEqual({ severity: "medium", reason: null });
  });

  it("leaves the alert's word when only the statistical fallback named the category (a hint, not a finding)", () => {
    expect(severityAfterRca("medium", "configuration", "statistical")).toEqual({ severity: "medium", reason: null });
    expect(severityAfterRca("low", "platform", "statistical")).toEqual({ severity: "low", reason: null });
  });
});
