// Job kinds of the failure pipeline. A ticket's first job is written by
// intake in the same statement as the ticket; each step enqueues the next.
export const JOB_KINDS = {
  enrich: "pipeline.enrich",
  rca: "pipeline.rca",
  databricksWatch: "watch.databricks-clusters",
} as const;

export const FIRST_PIPELINE_JOB = JOB_KINDS.enrich;
