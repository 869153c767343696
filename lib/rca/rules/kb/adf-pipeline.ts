// ADF pipeline-level errors: expressions, integration runtime, generic 2011 / 2200 wrappers, failureType-only classes.
import type { ErrorClass } from "../types";

export const ADF_PIPELINE_CLASSES: ErrorClass[] = [
  {
    id: "adf-invalid-template",
    platform: "adf",
    title: "Pipeline expression cannot be evaluated (InvalidTemplate)",
    match: {
      errorCodes: ["InvalidTemplate"],
      patterns: [
        /The (?:pipeline )?expression '?[^\n]{0,200}?cannot be evaluated/i,
        /The template language expression '[^\n]{0,200}' cannot be evaluated/i,
        /Unable to parse (?:the )?expression/i,
      ],
    },
    category: "configuration",
    rootCause:
      "A dynamic-content expression in {subject} cannot be evaluated (InvalidTemplate): it references a parameter, variable, activity output or property that does not exist or has the wrong type.",
    recommendations: [
      "Find the expression named in the message and check every referenced parameter, variable and activity output (names are case-sensitive).",
      "Guard optional properties with `?.` / coalesce() and make sure referenced activities ran before this one.",
      "Debug-run the pipeline with the same parameters, then publish and rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-DF InvalidTemplate",
  },
  {
    id: "adf-credential-decrypt-failed",
    platform: "adf",
    title: "Cannot decrypt a Self-hosted IR credential on the Azure IR (ADF 2011)",
    match: {
      errorCodes: ["2011"],
      codeRequiresPattern: true,
      patterns: [
        /failed to decrypt the credential of data store or compute connected via a Self-hosted Integration Runtime/i,
      ],
    },
    category: "configuration",
    rootCause:
      "{subject} ran on the Azure integration runtime but its linked service credential was encrypted by a Self-hosted integration runtime, so it cannot be decrypted. The linked service and the activity use different integration runtimes.",
    recommendations: [
      "Make the linked service's 'Connect via integration runtime' and the activity run on the same (self-hosted) integration runtime.",
      "Or store the credential in Azure Key Vault so any runtime can read it.",
      "Publish and rerun.",
    ],
    remediation: "none",
    confidence: 0.9,
    source: "ADF-DF 2011",
  },
  {
    id: "adf-activity-failed-generic",
    platform: "adf",
    title: "ADF activity failed (2011 / 2200 / 2000 wrapper)",
    wrapper: true,
    match: { errorCodes: ["2011", "2200", "2000", "2001", "2100"] },
    category: "unknown",
    rootCause:
      "ADF reported a generic activity failure (code {code}) for {subject}. This code wraps the error of the data store or compute the activity talked to, and the text received did not match a more specific class: “{error|no detail}”.",
    recommendations: [
      "Open the activity run in ADF Monitor and read the full error, including the inner 'ErrorCode=' and exception type.",
      "Check the source/sink linked services the activity uses (reachability, credentials, paths).",
      "Fix the cause, rerun, and consider adding the new error text as a class to the rules knowledge base.",
    ],
    remediation: "none",
    confidence: 0.25,
    source: "ADF-CONN (generic activity codes)",
  },
  {
    id: "adf-file-operation-failed",
    platform: "adf",
    title: "Operation on a file failed (GetMetadata / Delete / Lookup)",
    match: {
      patterns: [/The operation on file (?<file>\S+) under directory (?<path>\S+) is failed due to exception/i],
    },
    category: "upstream_data",
    rootCause:
      "{subject} could not operate on file '{file|the file}' in '{path|its folder}' and ADF did not include the inner exception. The most common reason is that the expected input file is missing or was renamed; a storage permission or credential problem is the second candidate.",
    recommendations: [
      "Check that the file exists at the quoted path for this run (and that its name matches the dataset, including case).",
      "If it exists, check that the linked service identity can read the folder (Storage Blob Data Reader / ACLs).",
      "Rerun once the input or access is fixed.",
    ],
    remediation: "none",
    confidence: 0.45,
    source: "corpus/adf/community GetMetadata 2011",
  },
  {
    id: "adf-shir-offline",
    platform: "adf",
    title: "Self-hosted integration runtime is offline",
    match: {
      errorCodes: ["SelfHostedIntegrationRuntimeOffline", "UserErrorSelfHostedIRNotAvailable"],
      patterns: [
        /The Self-hosted Integration Runtime '[^']*' is offline/i,
        /Self-hosted integration runtime (?:node )?\S* is (?:offline|not available|unavailable)/i,
      ],
    },
    category: "platform",
    rootCause:
      "The self-hosted integration runtime that {subject} needs was offline: its node(s) stopped heartbeating (machine down, service stopped, network or certificate problem). No activity can run on it until a node reconnects.",
    recommendations: [
      "Check the integration runtime nodes in ADF Manage > Integration runtimes; restart the 'Integration Runtime' Windows service or the VM.",
      "Look at the node's event log and outbound connectivity to *.servicebus.windows.net / the ADF endpoints.",
      "Add a second node for high availability, then rerun the pipeline.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-CONN (self-hosted IR)",
  },
  {
    id: "adf-run-size-limit",
    platform: "adf",
    title: "Pipeline run size limit exceeded",
    match: {
      errorCodes: ["FlowRunSizeLimitExceeded"],
      patterns: [/Triggering the pipeline failed due to large run size/i],
    },
    category: "resource",
    rootCause:
      "ADF refused to start {subject} because the run is too large: too many activities or too-large inputs/parameters (for example a big Lookup output passed as a parameter).",
    recommendations: [
      "Pass references (file paths, ids) instead of large payloads between activities and pipelines.",
      "Split the pipeline into child pipelines.",
      "Rerun after the change.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-TS (FlowRunSizeLimitExceeded)",
  },
  {
    // ADF queues at most 100 runs of one pipeline beyond its concurrency; past that it refuses new runs with this
    // "throttled" text. It is a service limit being hit (like the 2709 queued-jobs limit, filed under resource in
    // corpus/ERROR_CODES.md), not a rate limit that clears in seconds: a retry joins the same full queue.
    id: "adf-pipeline-queue-full",
    platform: "adf",
    title: "Pipeline run queue full (concurrency limit reached)",
    match: {
      patterns: [/\bPipeline execution throttled\b/i, /\bmaximum of \d+ runs will be queued\b/i],
    },
    category: "resource",
    rootCause:
      "ADF refused to queue another run of {subject}: the pipeline's concurrency is reached and its queue of waiting runs is full (at most 100).",
    recommendations: [
      "Find why earlier runs are slow or stuck (a hung activity or a downstream outage backs the queue up) and cancel the stale ones.",
      "Raise the pipeline's concurrency if runs may overlap, or trigger less often (a tumbling window trigger with max concurrency).",
      "Rerun once the queue has drained; an automatic retry joins the same full queue.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF limits: concurrent and queued pipeline runs",
  },
  {
    id: "adf-inner-activity-failed",
    platform: "adf",
    title: "Container activity failed because an inner activity failed",
    wrapper: true,
    match: { patterns: [/Activity failed because an inner activity failed/i] },
    category: "unknown",
    rootCause:
      "A ForEach / Until / If / Switch activity in {subject} failed because one of its inner activities failed; the inner error did not match a known class: “{error|no detail}”.",
    recommendations: [
      "Open the inner activity run named in the message and read its own error.",
      "Fix that activity and rerun the pipeline from the failed activity.",
    ],
    remediation: "none",
    confidence: 0.25,
    source: "ADF-TS (container activities)",
  },
  {
    id: "adf-system-error",
    platform: "adf",
    title: "ADF SystemError (service-side failure)",
    match: { failureType: ["SystemError"] },
    category: "platform",
    rootCause:
      "ADF marked the failure of {subject} as a SystemError, i.e. a failure on the service side rather than in the pipeline definition, but gave no error text that matches a known class.",
    recommendations: [
      "Check Azure Service Health and the Data Factory resource health for incidents in the region.",
      "Rerun the pipeline once; if the SystemError repeats, open an Azure support case with the activity run id.",
    ],
    remediation: "none",
    confidence: 0.35,
    source: "ADF-MON (FailureType != 'UserError' = availability failure)",
  },
];
