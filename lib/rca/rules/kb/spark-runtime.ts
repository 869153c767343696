// Spark runtime failures (memory, disk, executors, broadcast, job-abort wrapper) seen in Databricks, Synapse and ADF data flows.
import type { ErrorClass } from "../types";

export const SPARK_RUNTIME_CLASSES: ErrorClass[] = [
  {
    id: "spark-out-of-memory",
    platform: "spark",
    title: "Spark executor / JVM out of memory",
    match: {
      errorCodes: ["UNABLE_TO_ACQUIRE_MEMORY"],
      patterns: [
        /java\.lang\.OutOfMemoryError/i,
        /OutOfMemoryError: Java heap space/i,
        /SparkOutOfMemoryError/i,
        /Unable to acquire \d+ bytes of memory/i,
        /Container killed by YARN for exceeding memory limits/i,
        /exited caused by one of the running tasks\)? Reason: (?:Container|Executor) (?:killed|lost)/i,
        /ExecutorLostFailure[^\n]{0,200}(?:OOM|out of memory|exceeding memory)/i,
      ],
    },
    category: "resource",
    rootCause:
      "The Spark job of {subject} ran out of memory in an executor or the JVM: a partition, join or aggregation needed more memory than the nodes have (large or skewed partitions, wide rows, big broadcasts).",
    recommendations: [
      "Find the failing stage in the Spark UI and check for skew (one huge task) and spill.",
      "Increase partitions (spark.sql.shuffle.partitions / AQE), avoid broadcasting large tables, and select only needed columns.",
      "Use memory-optimized or larger worker nodes, then repair the run.",
    ],
    remediation: "scale_up_cluster",
    confidence: 0.8,
    source: "DBX-KB (Spark OutOfMemoryError); SPARK-EC UNABLE_TO_ACQUIRE_MEMORY",
  },
  {
    // No automatic scale-up: 1 of the 3 labelled real reports it matched was fixed in the code, not with a bigger
    // node (MIN_FIX_PRECISION in lib/rca/eval/evaluate.ts).
    id: "spark-gc-overhead",
    platform: "spark",
    title: "GC overhead limit exceeded",
    match: { patterns: [/GC overhead limit exceeded/i] },
    category: "resource",
    rootCause:
      "The JVM running {subject} spent almost all its time in garbage collection (GC overhead limit exceeded): the heap is too small for the data held in memory, typically on the driver.",
    recommendations: [
      "Reduce data collected to the driver / cached in memory.",
      "Use a larger driver or worker node type, then repair the run.",
      "Not scaled up automatically: in real reports the memory also ran out outside the cluster (a local JVM) or in code that collected too much, where a bigger node does not help.",
    ],
    remediation: "none",
    confidence: 0.82,
    source: "DBX-KB (GC overhead limit exceeded)",
  },
  {
    id: "spark-max-result-size",
    platform: "spark",
    title: "Result larger than spark.driver.maxResultSize",
    match: {
      patterns: [/is bigger than spark\.driver\.maxResultSize/i, /exceeds max allowed: spark\.rpc\.message\.maxSize/i],
    },
    category: "resource",
    rootCause:
      "{subject} tried to send more data between executors and the driver than Spark allows (spark.driver.maxResultSize / spark.rpc.message.maxSize), typically through collect(), toPandas() or a huge task closure.",
    recommendations: [
      "Avoid collecting large results to the driver; write them to storage instead.",
      "If the size is expected, raise the limit in the cluster's Spark config and use a larger driver.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "DBX-KB (maxResultSize)",
  },
  {
    id: "spark-broadcast-timeout",
    platform: "spark",
    title: "Broadcast exchange timed out",
    match: { patterns: [/Futures timed out after \[\d+ seconds\]/i, /Could not execute broadcast in \d+ secs/i] },
    category: "resource",
    rootCause:
      "A broadcast join in {subject} did not finish building/sending the broadcast side within spark.sql.broadcastTimeout: the side chosen for broadcast is too large or the cluster too busy.",
    recommendations: [
      "Disable automatic broadcast for this query (spark.sql.autoBroadcastJoinThreshold = -1) or remove the broadcast hint on the large side.",
      "Alternatively raise spark.sql.broadcastTimeout and make sure the broadcast side is filtered early.",
      "Repair the run after the change.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "DBX-KB (broadcast join timeout)",
  },
  {
    id: "spark-disk-full",
    platform: "spark",
    title: "No space left on device",
    match: { patterns: [/No space left on device/i] },
    category: "resource",
    rootCause:
      "A node running {subject} ran out of local disk (shuffle files, spill, cached data or downloaded files).",
    recommendations: [
      "Enable autoscaling local storage or use nodes with larger local disks.",
      "Reduce shuffle volume (filter early, fewer wide transformations), then repair the run.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "DBX-KB (No space left on device)",
  },
  {
    id: "spark-executor-lost",
    platform: "spark",
    title: "Executor lost / shuffle fetch failed",
    match: {
      errorCodes: ["CHECKPOINT_RDD_BLOCK_ID_NOT_FOUND"],
      patterns: [
        /FetchFailedException/i,
        /MetadataFetchFailedException/i,
        /Missing an output location for shuffle/i,
        /ExecutorLostFailure/i,
        /Executor heartbeat timed out/i,
        /worker (?:lost|decommissioned)/i,
      ],
    },
    // Resource, not transient: executors die mostly from memory pressure (the labelled definitions put "executor/
    // driver lost from memory" under resource, and every real report of this class in the labelled sets was one).
    // A spot eviction or an autoscaling downsize also fits, and only the cluster's logs tell the two apart, so no
    // automatic fix: a repair on a cluster that is too small fails the same way.
    category: "resource",
    rootCause:
      "Executors running {subject} were lost in the middle of the job, so shuffle or cached data they held could not be fetched: most often an executor ran out of memory (large or skewed partitions), sometimes a spot node was evicted or autoscaling removed a node.",
    recommendations: [
      "Read why the executors died: out-of-memory or heartbeat time-outs in the executor logs, spot evictions or downsizing in the cluster event log.",
      "For memory: more, smaller partitions (spark.sql.shuffle.partitions / AQE) or memory-optimized workers; for evictions: on-demand workers or fewer downscales.",
      "Repair the run once the cause is addressed.",
    ],
    remediation: "none",
    confidence: 0.65,
    source: "DBX-KB (FetchFailedException / ExecutorLostFailure)",
  },
  {
    id: "spark-stale-file-listing",
    platform: "spark",
    title: "Underlying files changed during the read",
    match: { patterns: [/It is possible the underlying files have been updated/i, /REFRESH TABLE tableName/i] },
    category: "transient",
    rootCause:
      "{subject} read a file list that was rewritten by another job while it ran (files replaced between listing and reading).",
    recommendations: [
      "Repair the run; the new listing will be consistent.",
      "Avoid overwriting input folders while consumers read them (write to a new path, or use Delta).",
    ],
    remediation: "repair_run",
    confidence: 0.85,
    source: "DBX-KB (underlying files have been updated)",
  },
  {
    id: "spark-job-aborted",
    platform: "spark",
    title: "Spark job aborted / Py4JJavaError (wrapper)",
    wrapper: true,
    match: {
      errorCodes: ["STREAM_FAILED"],
      patterns: [
        /Job aborted due to stage failure/i,
        /Py4JJavaError: An error occurred while calling/i,
        /org\.apache\.spark\.SparkException: Job aborted/i,
      ],
    },
    category: "unknown",
    rootCause:
      "The Spark job of {subject} was aborted, but the underlying task exception did not match a known class: “{error|no detail}”.",
    recommendations: [
      "Read the 'Caused by' / most recent failure part of the stack trace (first exception inside the task).",
      "Reproduce on a sample in a notebook; fix code or data accordingly, then repair the run.",
    ],
    remediation: "none",
    confidence: 0.25,
    source: "DBX-KB (Job aborted due to stage failure)",
  },
];
