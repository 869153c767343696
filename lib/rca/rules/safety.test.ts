// The safety rule: no automatic fix for categories a human must handle, whatever the rules (or anyone) produce.
import { rcaInput } from "../../testing/rca-input";
import { describe, expect, it } from "vitest";
import { enforceSafety, NEVER_AUTO_REMEDIATE, REMEDIATIONS, type RcaAnalysis, type RcaInput } from "../types";
import { KB_EXAMPLES, exampleInput } from "./examples";
import { REALISTIC_CASES } from "./examples/realistic";
import { MORE_REALISTIC_CASES } from "./examples/realistic-more";
import { analyzeWithRules, applySafety, isSafeRemediation } from "./index";
import { remediationForTarget } from "./safety";

const unsafe: RcaAnalysis = {
  category: "permission",
  rootCause: "The service principal lacks Storage Blob Data Reader.",
  evidence: ["This request is not authorized to perform this operation."],
  recommendations: ["Grant the role."],
  remediation: "retry",
  confidence: 0.9,
};

function input(partial: Partial<RcaInput> & Pick<RcaInput, "errorMessage">): RcaInput {
  return rcaInput({ source: "azure-data-factory", resourceType: "activity", resourceName: "copy_orders", ...partial });
}

describe("enforceSafety / applySafety on hand-made analyses", () => {
  it.each(
    NEVER_AUTO_REMEDIATE.flatMap((category) => REMEDIATIONS.map((remediation) => [category, remediation] as const)),
  )("%s + %s never leaves with an automatic fix", (category, remediation) => {
    expect(enforceSafety({ ...unsafe, category, remediation }).remediation).toBe("none");
    expect(applySafety({ ...unsafe, category, remediation }).remediation).toBe("none");
  });

  it("drops fixes that do not suit the category or rest on a guess", () => {
    expect(applySafety({ ...unsafe, category: "library", remediation: "retry" }).remediation).toBe("none");
    expect(applySafety({ ...unsafe, category: "upstream_data", remediation: "scale_up_cluster" }).remediation).toBe(
      "none",
    );
    expect(applySafety({ ...unsafe, category: "transient", remediation: "retry", confidence: 0.4 }).remediation).toBe(
      "none",
    );
    expect(applySafety({ ...unsafe, category: "unknown", remediation: "retry" }).remediation).toBe("none");
    expect(applySafety({ ...unsafe, category: "transient", remediation: "retry" }).remediation).toBe("retry");
    expect(applySafety({ ...unsafe, category: "resource", remediation: "scale_up_cluster" }).remediation).toBe(
      "scale_up_cluster",
    );
  });

  it("maps fixes onto what the failed resource supports", () => {
    expect(remediationForTarget("repair_run", { resourceType: "cluster" })).toBe("restart_cluster");
    expect(remediationForTarget("repair_run", { resourceType: "pipeline" })).toBe("retry");
    expect(remediationForTarget("scale_up_cluster", { resourceType: "activity" })).toBe("none");
    expect(remediationForTarget("scale_up_cluster", { resourceType: "task" })).toBe("scale_up_cluster");
  });
});

describe("analyzeWithRules never proposes an unsafe fix", () => {
  const inputs: RcaInput[] = [
    ...KB_EXAMPLES.flatMap((e) => {
      const base = exampleInput(e);
      return [
        base,
        { ...base, resourceType: "pipeline" },
        { ...base, resourceType: "cluster" },
        { ...base, resourceType: "task" },
      ];
    }),
    ...[...REALISTIC_CASES, ...MORE_REALISTIC_CASES].map((c) => input(c.input)),
  ];

  it(`holds for ${inputs.length} inputs`, () => {
    for (const i of inputs) {
      const r = analyzeWithRules(i);
      const where = `${r.matchedClassId} (${r.category}/${r.remediation}) for ${i.errorMessage.slice(0, 60)}`;
      if (NEVER_AUTO_REMEDIATE.includes(r.category) || r.category === "unknown")
        expect(r.remediation, where).toBe("none");
      expect(isSafeRemediation(r.category, r.remediation, r.confidence), where).toBe(true);
      if (i.resourceType === "pipeline" || i.resourceType === "activity") {
        expect(["restart_cluster", "scale_up_cluster", "repair_run"], where).not.toContain(r.remediation);
      }
    }
  });

  it("does not retry a permission error even when the message also looks transient", () => {
    const r = analyzeWithRules(
      input({
        errorCode: "2200",
        errorMessage:
          "ErrorCode=AdlsGen2OperationFailed,Message=ADLS Gen2 operation failed for: Operation returned an invalid status code 'Forbidden'. ErrorCode: 'AuthorizationPermissionMismatch'. Message: 'This request is not authorized to perform this operation using this permission.'. A task was canceled.",
      }),
    );
    expect(r.category).toBe("permission");
    expect(r.remediation).toBe("none");
  });
});
