// Error-code extraction and trace trimming on the kinds of text Databricks
// runs really produce (Python tracebacks, Spark/Java exceptions, error classes).
import { describe, expect, it } from "vitest";
import { errorClassOf, errorLineFromTrace, meaningful, trimMiddle } from "./error-text";

describe("errorClassOf", () => {
  it.each([
    ["ZeroDivisionError: integer division or modulo by zero", "ZeroDivisionError"],
    [
      "AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `a`.`b` cannot be found.",
      "TABLE_OR_VIEW_NOT_FOUND",
    ],
    [
      "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column with name `x` cannot be resolved.",
      "UNRESOLVED_COLUMN.WITH_SUGGESTION",
    ],
    [
      "org.apache.spark.SparkException: Job aborted due to stage failure: Task 0 in stage 1.0 failed 4 times, most recent failure: Lost task 0.3 (TID 3) (10.1.2.3 executor 0): java.io.FileNotFoundException: /mnt/raw/x.csv",
      "FileNotFoundException",
    ],
    [
      "Py4JJavaError: An error occurred while calling o123.save.\n: java.lang.OutOfMemoryError: Java heap space",
      "OutOfMemoryError",
    ],
    ["ModuleNotFoundError: No module named 'great_expectations'", "ModuleNotFoundError"],
    ["Library installation failed for library due to user error.", null],
    ["Exception: something custom", null],
    [null, null],
  ])("%s → %s", (text, code) => {
    expect(errorClassOf(text)).toBe(code);
  });
});

describe("trace helpers", () => {
  it("finds Python's summary line at the end of a traceback", () => {
    const trace =
      'Traceback (most recent call last):\n  File "/x.py", line 3, in <module>\n    1/0\nZeroDivisionError: division by zero\n';
    expect(errorLineFromTrace(trace)).toBe("ZeroDivisionError: division by zero");
    expect(errorLineFromTrace("no error here")).toBeNull();
  });

  it("keeps head and tail within the cap", () => {
    const text = "HEAD" + "x".repeat(20_000) + "TAIL";
    const out = trimMiddle(text, 1_000);
    expect(out.length).toBeLessThanOrEqual(1_000);
    expect(out.startsWith("HEAD")).toBe(true);
    expect(out.endsWith("TAIL")).toBe(true);
    expect(trimMiddle("short", 1_000)).toBe("short");
  });

  it("treats blank and sample placeholder text as no text", () => {
    expect(meaningful("  ")).toBeNull();
    expect(meaningful("string")).toBeNull();
    expect(meaningful(" real ")).toBe("real");
  });
});
