// Error text that reports only that a run failed, never why: a Databricks result-state wrapper ("Run 123 failed
// with result state FAILED … Workload failed, see run output for details"), ADF 3204's "Job execution failed.", a
// notebook run that ended FAILED, a ForEach whose inner activity "failed because an inner activity failed" with no
// inner error, a Web activity's "Response status code:" with no status. Such text names no cause, so the answer is
// `unknown` (the rule: unknown exactly when the text says nothing) rather than a wrapper class's guess
// ("probably the task's code") or the statistical fallback's. The real error is in the run's output, which
// enrichment fetches when the Databricks / ADF APIs are configured: then this text is no longer all there is.

/** Sentences that state an outcome and where to look, with the names they carry. */
const OUTCOME_ONLY: RegExp[] = [
  /\bRun `?\d+`? failed with result state:? `?FAILED`?\.?/gi,
  /\b(?:run )?ended in result_state `?FAILED`?/gi,
  /\bTask `?[\w.-]+`? failed with message:/gi,
  /\bWorkload failed, see run output for details\.?/gi,
  /\bThis caused all downstream tasks to get skipped\.*/gi,
  /\bRuntime Error in model [\w.-]+ \([^)\n]{0,300}\)/gi,
  /\bPython model\b/gi,
  /\bNotebookExecutionException: FAILED\b/gi,
  /\bAn error occurred while calling o\d+\._?run\.?/gi,
  /^\s*Job execution failed\.?\s*$/gim,
  /\bOperation on target [^:\n]{1,200} failed:/gi,
  /\bActivity failed because an inner activity failed;?/gi,
  /\bInner activity name: [^,\n]{1,200}, Error:/gi,
  /\bError calling the endpoint\.? Response status code: *$/gim,
];

/** Codes that only say an activity or a run failed (ADF's ActionFailed, a Databricks result state). */
const OUTCOME_CODES = /\b(?:ActionFailed|FAILED|RUN_EXECUTION_ERROR|RunExecutionError)\b/g;

/** Exception types that only carry another failure (the run's, the notebook's), never a cause of their own. */
const CARRIER_EXCEPTIONS =
  /\b(?:[\w]+\.)*(?:DatabricksError|Py4JJavaError|WorkflowException|NotebookExecutionException)\b:?/g;

/** Words left over from the sentences above once their names are gone: none of them says why. */
const FILLER = new Set(
  "error errors message messages failed failure run task job model details output see the with for and com databricks".split(
    " ",
  ),
);

/** True when the whole text is outcome sentences like the ones above: it says a run failed and nothing about why. */
export function namesNoCause(text: string): boolean {
  let matched = false;
  let rest = text;
  for (const pattern of OUTCOME_ONLY)
    rest = rest.replace(pattern, () => {
      matched = true;
      return " ";
    });
  if (!matched) return false;
  rest = rest
    .replace(OUTCOME_CODES, " ")
    .replace(CARRIER_EXCEPTIONS, " ")
    // names: backticked, or short quoted ones (a long quote is an inner error: "'Type=…,Message=…'")
    .replace(/`[^`\n]{0,200}`|'[^'\n]{0,40}'|"[^"\n]{0,40}"/g, " ")
    .replace(/\d+/g, " ");
  const words = rest.toLowerCase().match(/[a-z]{3,}/g) ?? [];
  return words.every((w) => FILLER.has(w));
}
