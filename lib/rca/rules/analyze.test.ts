// analyzeWithRules end to end: unknowns stay unknown, held-out realistic failures, specificity, evidence and signatures.
import { rcaInput } from "../../testing/rca-input";
import { describe, expect, it } from "vitest";
import { rcaAnalysisSchema, type RcaInput } from "../types";
import { REALISTIC_CASES } from "./examples/realistic";
import { MORE_REALISTIC_CASES } from "./examples/realistic-more";
import { databricksSource } from "../../sources/databricks";
import { analyzeWithRules, errorSignature, isFallbackMessage } from "./index";

function input(partial: Partial<RcaInput> & Pick<RcaInput, "errorMessage">): RcaInput {
  return rcaInput({
    source: "azure-data-factory",
    resourceType: "pipeline",
    resourceName: "pl_sales_daily",
    ...partial,
  });
}

describe("unknown stays unknown", () => {
  it.each([
    ["gibberish", "qwpoe zxmv lkjasd 42 frobnicate the wibble"],
    ["an empty-ish message", "   \n  "],
    ["a single word", "Failed"],
  ])("%s", (_name, message) => {
    const r = analyzeWithRules(input({ errorMessage: message }));
    expect(r.category).toBe("unknown");
    expect(r.remediation).toBe("none");
    expect(r.matchedClassId).toBeNull();
    expect(r.matchedOn).toBeNull();
    expect(r.confidence).toBeLessThanOrEqual(0.3);
    expect(r.recommendations.length).toBeGreaterThanOrEqual(3);
    expect(rcaAnalysisSchema.safeParse(r).success).toBe(true);
  });

  it("quotes the unmatched error honestly instead of guessing", () => {
    const r = analyzeWithRules(input({ errorMessage: "qwpoe zxmv lkjasd frobnicate" }));
    expect(r.rootCause).toContain("No error class");
    expect(r.rootCause).toContain("qwpoe zxmv lkjasd frobnicate");
    expect(r.evidence).toEqual(["qwpoe zxmv lkjasd frobnicate"]);
  });

  it("says the error text was not available for a fallback message, and does not classify the sentence", () => {
    const fallback =
      "The webhook carries no error text: the ADF metric alert has no error details and enrichment was unavailable (403 Forbidden).";
    expect(isFallbackMessage(fallback)).toBe(true);
    const r = analyzeWithRules(input({ errorMessage: fallback }));
    expect(r.category).toBe("unknown");
    expect(r.matchedClassId).toBeNull();
    expect(r.rootCause).toMatch(/not available/);
    expect(r.confidence).toBeLessThanOrEqual(0.1);
    expect(r.errorSignature).toBe("unknown:no-error-text");
  });

  it("advises in the source's own words where to read the error and what to set, never another source's", () => {
    const r = analyzeWithRules(
      input({
        source: "databricks",
        resourceType: "job",
        errorMessage: "Databricks job nightly run 7 failed. The webhook carries no error text.",
        runHelp: databricksSource.runHelp,
      }),
    );
    const advice = r.recommendations.join(" ");
    expect(advice).toContain("Workflows → Job runs");
    expect(advice).toContain("DATABRICKS_TOKEN");
    expect(advice).not.toMatch(/ADF|Data Factory/);
  });

  it("names the calling code as a possible cause of a request the service rejected", () => {
    const r = analyzeWithRules(
      input({ source: "databricks", resourceType: "job", errorMessage: 'Bad request: json: unknown field "inputs"' }),
    );
    expect(r.matchedClassId).toBe("family-request-invalid-words");
    expect(r.category).toBe("configuration");
    expect(r.recommendations.join(" ")).toMatch(/SDK, connector, plugin or notebook code/);
  });

  it("says why an error that asks to be retried gets no automatic retry (a fix the labelled reports put in doubt)", () => {
    for (const [errorMessage, classId] of [
      [
        "[DELTA_CONCURRENT_APPEND] ConcurrentAppendException: Files were added to partition [date=2026-12-05] by a concurrent update. Please try the operation again.",
        "delta-concurrent-modification",
      ],
      ["The remote server returned an error: (429) Too Many Requests.", "http-throttled"],
      ["java.net.SocketException: Connection reset", "network-connectivity"],
    ]) {
      const r = analyzeWithRules(input({ source: "databricks", resourceType: "job", errorMessage }));
      expect(r.matchedClassId, errorMessage).toBe(classId);
      expect(r.category, errorMessage).toBe("transient");
      expect(r.remediation, errorMessage).toBe("none");
      expect(r.recommendations.join(" "), errorMessage).toContain("Not retried automatically");
    }
  });

  it("treats metadata.errorSource = fallback as no error text", () => {
    const r = analyzeWithRules(
      input({
        errorMessage: "Pipeline pl_sales_daily failed (403 Forbidden in alert title)",
        metadata: { errorSource: "fallback" },
      }),
    );
    expect(r.category).toBe("unknown");
  });

  it("classifies from the run details when the ticket text is a fallback", () => {
    const r = analyzeWithRules(
      input({
        errorMessage: "the webhook carries no error text",
        details: [
          {
            kind: "activity",
            name: "Copy_Orders",
            status: "Failed",
            errorCode: "2200",
            errorMessage:
              "ErrorCode=UserErrorFileNotFound,Message=Cannot find the file specified. Folder path: 'landing/2024/05/01', File filter: 'orders.csv'.",
            errorTrace: null,
          },
        ],
      }),
    );
    expect(r.category).toBe("upstream_data");
    expect(r.rootCause).toContain("Activity 'Copy_Orders' of pipeline 'pl_sales_daily'");
    expect(r.rootCause).toMatch(/carried no error text/);
  });
});

describe("realistic failures not taken from ERROR_CODES.md", () => {
  it.each([...REALISTIC_CASES, ...MORE_REALISTIC_CASES].map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const r = analyzeWithRules(input(c.input));
    expect(r.category).toBe(c.expectedCategory);
    if (c.expectedClass) expect(r.matchedClassId).toBe(c.expectedClass);
    if (c.expectedRemediation) expect(r.remediation).toBe(c.expectedRemediation);
    expect(rcaAnalysisSchema.safeParse(r).success).toBe(true);
  });
});

describe("specificity", () => {
  it("prefers an embedded specific code over the generic 2200 wrapper", () => {
    const r = analyzeWithRules(
      input({
        errorCode: "2200",
        errorMessage:
          "Failure happened on 'Sink' side. ErrorCode=DelimitedTextMoreColumnsThanDefined,Message=found more columns than expected column count 5.",
      }),
    );
    expect(r.matchedClassId).toBe("adf-copy-column-count-mismatch");
    expect(r.matchedOn).toBe("errorCode");
  });

  it("prefers the message over a wrapper life-cycle state (INTERNAL_ERROR)", () => {
    const r = analyzeWithRules(
      input({
        resourceType: "job",
        errorCode: "INTERNAL_ERROR",
        errorMessage:
          "Library installation failed for library due to user error. Error messages:\nCould not download library",
      }),
    );
    expect(r.matchedClassId).toBe("dbx-library-installation-failed");
  });

  it("uses the code to separate classes sharing a message (3208 transient vs 2510 configuration)", () => {
    const message = "An error occurred while sending the request.";
    expect(analyzeWithRules(input({ errorCode: "3208", errorMessage: message })).category).toBe("transient");
    expect(analyzeWithRules(input({ errorCode: "2510", errorMessage: message })).category).toBe("configuration");
  });

  it("falls back to failureType only when nothing else matches, with low confidence", () => {
    const r = analyzeWithRules(input({ errorMessage: "zzz qqq", failureType: "SystemError" }));
    expect(r.matchedClassId).toBe("adf-system-error");
    expect(r.matchedOn).toBe("failureType");
    expect(r.confidence).toBeLessThanOrEqual(0.4);
    expect(r.evidence).toContain("Failure type: SystemError");
  });

  it("interpolates captured values into the root cause", () => {
    const r = analyzeWithRules(
      input({
        errorMessage:
          "ErrorCode=TypeConversionFailure,Exception occurred when converting value 'abc' for column name 'order_total' from type 'String' to type 'Decimal'.",
      }),
    );
    expect(r.rootCause).toContain("'order_total'");
    expect(r.rootCause).toContain("Pipeline 'pl_sales_daily'");
  });

  it("keeps interpolated values on one bounded line", () => {
    const long = `x${"y".repeat(500)}`;
    const r = analyzeWithRules(
      input({ resourceName: `bad\nname {code} ${long}`, errorMessage: "Cannot find the file specified." }),
    );
    expect(r.rootCause).not.toContain("\n");
    expect(r.rootCause).not.toContain("{code}");
    expect(r.rootCause.length).toBeLessThan(1000);
  });
});

describe("evidence", () => {
  it("quotes the matching line of a long trace and the error code", () => {
    const trace =
      "Traceback (most recent call last):\n  File \"job.py\", line 3, in <module>\n    import pandas_gbq\nModuleNotFoundError: No module named 'pandas_gbq'";
    const r = analyzeWithRules(
      input({ resourceType: "task", errorCode: "RUN_EXECUTION_ERROR", errorMessage: "Task failed", errorTrace: trace }),
    );
    expect(r.category).toBe("library");
    expect(r.evidence).toContain("ModuleNotFoundError: No module named 'pandas_gbq'");
  });

  it("cuts very long one-line messages around the match", () => {
    const message = `${"Operation on target Copy failed: ".padEnd(1500, "x")} The specified blob does not exist. ${"y".repeat(1500)}`;
    const r = analyzeWithRules(input({ errorMessage: message }));
    expect(r.evidence[0]!.length).toBeLessThanOrEqual(402);
    expect(r.evidence[0]).toContain("The specified blob does not exist");
  });
});

describe("errorSignature", () => {
  it("is identical for repeats of one failure on other days, files and runs", () => {
    const a = analyzeWithRules(
      input({
        errorCode: "2200",
        errorMessage:
          "ErrorCode=UserErrorFileNotFound,Message=Cannot find the file specified. Folder path: 'landing/2024/05/01', run 1b2c3d4e-1111-2222-3333-444455556666 at 2024-05-01T03:00:12Z",
      }),
    );
    const b = analyzeWithRules(
      input({
        errorCode: "2200",
        errorMessage:
          "ErrorCode=UserErrorFileNotFound,Message=Cannot find the file specified. Folder path: 'landing/2024/06/17', run aaaabbbb-1111-2222-3333-444455556666 at 2024-06-17T03:00:09Z",
      }),
    );
    expect(a.errorSignature).toBe(b.errorSignature);
    expect(a.errorSignature.startsWith("adf-copy-file-not-found:")).toBe(true);
  });

  it("differs between classes and is bounded", () => {
    const a = analyzeWithRules(input({ errorMessage: "The specified blob does not exist." }));
    const b = analyzeWithRules(input({ errorMessage: "Request rate is large" }));
    expect(a.errorSignature).not.toBe(b.errorSignature);
    expect(errorSignature("x", "y".repeat(5000), null).length).toBeLessThanOrEqual(2 + 160);
    expect(errorSignature(null, null, "3203")).toBe("unknown:code=3203");
  });
});
