// Reading Databricks error text: the error code worth filing under (Spark
// error class, else the real exception behind wrappers) and size caps that
// keep both ends of a trace (Python puts the cause last, Java first).

export const TRACE_CAP = 8 * 1024;
export const MESSAGE_CAP = 8 * 1024;

/** Keep head and tail: the omitted middle is the least informative part of a trace. */
export function trimMiddle(text: string, cap: number): string {
  if (text.length <= cap) return text;
  const omitted = text.length - cap;
  const marker = `\n… [${omitted} characters omitted] …\n`;
  const room = Math.max(0, cap - marker.length);
  const head = Math.floor(room / 2);
  return text.slice(0, head) + marker + text.slice(text.length - (room - head));
}

/** Spark 3.4+ error classes: "[TABLE_OR_VIEW_NOT_FOUND] The table ...", "[UNRESOLVED_COLUMN.WITH_SUGGESTION] ...". */
const ERROR_CLASS = /\[([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?:\.[A-Z0-9_]+)*)\]/;
/** Qualified or simple exception names ending in Error/Exception/...: "ZeroDivisionError", "org.apache.spark.SparkException". */
const EXCEPTION = /(?:^|[\s:(])(?:[a-zA-Z_$][\w$]*\.)*([A-Z][\w$]*(?:Error|Exception|Failure|Interrupt))(?=[:\s(]|$)/gm;
/** Wrappers whose message names the real exception further on. */
const WRAPPERS = new Set([
  "Py4JJavaError",
  "SparkException",
  "ExecutionException",
  "InvocationTargetException",
  "StreamingQueryException",
  "UncheckedExecutionException",
]);

export function errorClassOf(text: string | null | undefined): string | null {
  if (!text) return null;
  const head = text.slice(0, 2000);
  const cls = ERROR_CLASS.exec(head);
  if (cls) return cls[1];
  const names = [...head.matchAll(EXCEPTION)].map((m) => m[1]);
  return names.find((n) => !WRAPPERS.has(n)) ?? names[0] ?? null;
}

/** The last "SomeError: message" line of a trace: Python's summary line, used when get-output has no `error`. */
export function errorLineFromTrace(trace: string | null | undefined): string | null {
  if (!trace) return null;
  const lines = trace
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^(?:[\w$]+\.)*[A-Z][\w$]*(?:Error|Exception)\b/.test(lines[i])) return lines[i];
  }
  return null;
}

/** Placeholder values some API samples and test consoles return ("string"), which are not errors. */
export function meaningful(text: string | null | undefined): string | null {
  const t = text?.trim();
  return t && t !== "string" ? t : null;
}
