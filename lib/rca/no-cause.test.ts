// Text that reports a failed run and no cause is answered unknown, never guessed; text with any cause is not.
import { describe, expect, it } from "vitest";
import { classifyFailure } from "./classify";
import { namesNoCause } from "./no-cause";
import { rcaInput } from "../testing/rca-input";
import type { RcaInput } from "./types";

describe("namesNoCause", () => {
  it.each([
    "airflow.exceptions.DatabricksError: Run `88123` failed with result state: `FAILED`. Message: Task load_orders failed with message: Workload failed, see run output for details. This caused all downstream tasks to get skipped.",
    "FAILED\nRuntime Error in model orders_py (models/orders_py.py)\n  Python model run ended in result_state FAILED",
    "Py4JJavaError: An error occurred while calling o1204._run.\n: com.databricks.WorkflowException: com.databricks.NotebookExecutionException: FAILED",
    "3204\nJob execution failed.",
    "Error calling the endpoint. Response status code: ",
    "ActionFailed\nOperation on target ForEach tables failed: Activity failed because an inner activity failed; Inner activity name: Copy one table, Error: Activity failed because an inner activity failed.",
  ])("says nothing of a cause: %s", (text) => {
    expect(namesNoCause(text)).toBe(true);
  });

  it.each([
    "Run `88123` failed with result state: `FAILED`. Message: Task load_orders failed with message: java.lang.OutOfMemoryError: Java heap space",
    "Operation on target Copy CSV failed: 'Type=System.InvalidOperationException,Message=Collection was modified; enumeration operation may not execute.,Source=mscorlib,'",
    "Operation on target Lookup failed: Failure happened on 'Source' side. ErrorCode=SqlFailedToConnect",
    "Activity failed because an inner activity failed; Inner activity name: Copy, Error: The required Blob is missing.",
    "Error calling the endpoint 'https://api.example.com/orders'. Response status code: 'ClientSideException HttpStatusCode : 403'",
    "Spark job failed, batch id:5",
    "Job execution failed because the cluster was terminated: DRIVER_UNREACHABLE",
    "",
  ])("names a cause, or is not a run-outcome wrapper: %s", (text) => {
    expect(namesNoCause(text)).toBe(false);
  });
});

function input(errorCode: string | null, errorMessage: string, source: RcaInput["source"] = "databricks"): RcaInput {
  return rcaInput({ source, resourceType: source === "databricks" ? "job" : "pipeline", errorCode, errorMessage });
}

describe("classifyFailure on text that names no cause", () => {
  it("answers unknown with nothing guessed, where a wrapper class used to say code", () => {
    const r = classifyFailure(
      input(
        "FAILED",
        "Run 4242 failed with result state: FAILED. Message: Task ingest failed with message: Workload failed, see run output for details.",
      ),
    );
    expect(r).toMatchObject({ category: "unknown", method: "none", remediation: "none", fallback: null });
    expect(r.rootCause).toMatch(/^The error text names no cause/);
    expect(r.recommendations[0]).toMatch(/Read the full error/);
  });

  it("answers ADF 3204's bare 'Job execution failed.' unknown, and its cause when the task's error is there", () => {
    expect(classifyFailure(input("3204", "Job execution failed.", "azure-data-factory")).category).toBe("unknown");
    const withCause = classifyFailure({
      ...input("3204", "Job execution failed.", "azure-data-factory"),
      details: [
        {
          kind: "task",
          name: "score",
          status: "FAILED",
          errorCode: null,
          errorMessage: "ModuleNotFoundError: No module named 'xgboost'",
          errorTrace: null,
        },
      ],
    });
    expect(withCause).toMatchObject({ category: "library", method: "rule" });
  });
});
