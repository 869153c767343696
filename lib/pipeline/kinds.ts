// Job kinds of the failure pipeline, "pipeline.<step name>" (the dashboard
// labels jobs by the part after the dot). A ticket's first job is written by
// intake in the same statement as the ticket; the runner (runner.ts) queues
// each next one in the order declared in definition.ts.
export const JOB_KINDS = {
  enrich: "pipeline.enrich",
  rca: "pipeline.rca",
  notify: "pipeline.notify",
  remediate: "pipeline.remediate",
  remediationExecute: "remediation.execute",
  remediationVerify: "remediation.verify",
  notifyDigest: "watch.notify-digest",
  auditSink: "watch.audit-sink",
} as const;

/** The first step of the declared pipeline (definition.test.ts checks they agree); intake queues it. */
export const FIRST_PIPELINE_JOB = JOB_KINDS.enrich;
