// Databricks cluster termination reasons while running: lost nodes, driver health, maintenance, metastore, normal terminations.
import type { ErrorClass } from "../types";

export const DATABRICKS_CLUSTER_RUNTIME_CLASSES: ErrorClass[] = [
  {
    id: "dbx-cluster-node-lost",
    platform: "databricks",
    title: "Cluster node lost (cloud shutdown / spot eviction)",
    match: {
      errorCodes: [
        "CLOUD_PROVIDER_SHUTDOWN",
        "SPOT_INSTANCE_TERMINATION",
        "USER_INITIATED_VM_TERMINATION",
        "NODES_LOST",
        "DECOMMISSION_STARTED",
      ],
      patterns: [
        /Cluster terminated\. Reason: Cloud Provider Shutdown/i,
        /Reason: Spot Instance Termination/i,
        /spot instances? (?:was |were )?(?:preempted|evicted|reclaimed)/i,
      ],
    },
    category: "transient",
    rootCause:
      "A VM of {cluster} was taken away by the cloud provider (shutdown, spot eviction or VM termination), which killed the driver or the work running on it.",
    recommendations: [
      "Repair the run / restart the cluster; the new VMs are usually available.",
      "For critical jobs use on-demand instances for the driver (first_on_demand ≥ 1) and spot with fallback for workers.",
    ],
    remediation: "repair_run",
    confidence: 0.8,
    source: "DBX-SPEC TerminationCode.CLOUD_PROVIDER_SHUTDOWN",
  },
  {
    id: "dbx-driver-unreachable",
    platform: "databricks",
    title: "Spark driver unreachable / communication lost",
    match: {
      errorCodes: [
        "DRIVER_UNREACHABLE",
        "DRIVER_NODE_UNREACHABLE",
        "COMMUNICATION_LOST",
        "INSTANCE_UNREACHABLE",
        "DRIVER_UNAVAILABLE",
      ],
      patterns: [
        /not able to access the Spark driver, because it was not reachable/i,
        /Could not reach driver of cluster/i,
        /Reason: Driver unreachable/i,
        /Reason: Communication lost/i,
      ],
    },
    category: "transient",
    rootCause:
      "Databricks lost contact with the driver (or an instance) of {cluster} ({code|driver unreachable}). The guide describes this as usually a transient networking issue.",
    recommendations: [
      "Repair the run / restart the cluster.",
      "If it happens repeatedly, check the workspace VNet (NSG rules, UDRs, firewall) for dropped traffic to the control plane.",
    ],
    remediation: "repair_run",
    confidence: 0.8,
    source: "DBX-SPEC TerminationCode.DRIVER_UNREACHABLE",
  },
  {
    id: "dbx-driver-unresponsive",
    platform: "databricks",
    title: "Spark driver unresponsive / crashed (often memory pressure)",
    match: {
      errorCodes: [
        "DRIVER_UNRESPONSIVE",
        "DRIVER_UNHEALTHY",
        "DRIVER_NOT_RESPONDING",
        "DRIVER_EVICTION",
        "DRIVER_UNEXPECTED_FAILURE",
      ],
      patterns: [
        /The spark driver has stopped unexpectedly and is restarting/i,
        /because it was unresponsive/i,
        /\bdriver\b[^\n]{0,40}\bunresponsive\b/i,
        /Driver is (?:temporarily )?unavailable/i,
        /was killed by underlying node/i,
        /SparkContext was shut down/i,
        /The Python kernel is unresponsive/i,
      ],
    },
    category: "resource",
    rootCause:
      "The Spark driver of {cluster} stopped responding or was restarted ({code|driver crash}). This is most often driver memory pressure (large collect()/toPandas(), many small files, long GC pauses), occasionally a node problem.",
    recommendations: [
      "Look at the driver's stdout/stderr and GC logs around the failure time for OutOfMemoryError / long GC pauses.",
      "Avoid pulling large results to the driver (collect, toPandas, display of big frames) and use a larger driver node type.",
      "Repair the run after reducing driver load or enlarging the driver.",
    ],
    // Not repair_run: an unresponsive driver is usually memory pressure or a native crash (a bad import, a broken
    // wheel), which a repair re-runs into; a human decides after reading the driver log.
    remediation: "none",
    confidence: 0.7,
    source: "DBX-SPEC TerminationCode.DRIVER_UNRESPONSIVE",
  },
  {
    id: "dbx-driver-out-of-memory",
    platform: "databricks",
    title: "Driver out of memory (DRIVER_OUT_OF_MEMORY)",
    match: { errorCodes: ["DRIVER_OUT_OF_MEMORY"], patterns: [/Reason: Driver Out Of Memory/i] },
    category: "resource",
    rootCause: "The driver of {cluster} ran out of memory and was terminated.",
    recommendations: [
      "Use a driver node type with more memory (or raise spark.driver.memory).",
      "Stop collecting large data to the driver; then repair the run.",
    ],
    remediation: "scale_up_cluster",
    confidence: 0.8,
    source: "DBX-SDK TerminationReasonCode.DRIVER_OUT_OF_MEMORY",
  },
  {
    id: "dbx-driver-out-of-disk",
    platform: "databricks",
    title: "Driver out of disk (DRIVER_OUT_OF_DISK)",
    match: { errorCodes: ["DRIVER_OUT_OF_DISK", "FAILED_TO_EXPAND_DISK"] },
    category: "resource",
    rootCause: "The driver of {cluster} ran out of local disk ({code}): logs, downloaded files or spill filled it.",
    recommendations: [
      "Enable autoscaling local storage or use a node type with larger disks.",
      "Clean up large files written to local disk / the driver, then repair the run.",
    ],
    remediation: "none",
    confidence: 0.75,
    source: "DBX-SDK TerminationReasonCode.DRIVER_OUT_OF_DISK",
  },
  {
    id: "dbx-platform-maintenance",
    platform: "databricks",
    title: "Cluster terminated by platform maintenance or workspace update",
    match: {
      errorCodes: [
        "WORKSPACE_UPDATE",
        "MAINTENANCE_MODE",
        "CERT_ROTATION",
        "DISASTER_RECOVERY_REPLICATION",
        "AUTOMATIC_CLUSTER_UPDATE",
        "CLUSTER_MIGRATED",
        "SERVERLESS_LONG_RUNNING_TERMINATED",
        "GKE_BASED_CLUSTER_TERMINATION",
      ],
      patterns: [/Cluster terminated by WORKSPACE_UPDATE/i, /was terminated during the run/i],
    },
    category: "transient",
    rootCause:
      "{cluster} was terminated during the run by the platform ({code|maintenance / workspace update}), not by a problem in the job.",
    recommendations: [
      "Repair the run.",
      "For long jobs enable task retries so platform maintenance does not fail the whole run.",
    ],
    remediation: "repair_run",
    confidence: 0.75,
    source: "DBX-SDK TerminationReasonCode (WORKSPACE_UPDATE, MAINTENANCE_MODE)",
  },
  {
    id: "dbx-metastore-dbfs-unhealthy",
    platform: "databricks",
    title: "Metastore / DBFS unreachable from the cluster",
    match: {
      errorCodes: [
        "METASTORE_COMPONENT_UNHEALTHY",
        "DBFS_COMPONENT_UNHEALTHY",
        "HIVEMETASTORE_CONNECTIVITY_FAILURE",
        "HIVE_METASTORE_PROVISIONING_FAILURE",
        "DBFS_DOWN",
        "METASTORE_DOWN",
        "DATABASE_CONNECTION_FAILURE",
      ],
      patterns: [
        /Unable to instantiate org\.apache\.hadoop\.hive\.ql\.metadata\.SessionHiveMetaStoreClient/i,
        /Could not connect to (?:the )?(?:external )?metastore/i,
      ],
    },
    category: "transient",
    rootCause: "{cluster} could not reach the Hive metastore or DBFS ({code|metastore / DBFS unhealthy}).",
    recommendations: [
      "Repair the run after a few minutes.",
      "If you use an external metastore, check its database availability, credentials and network path from the workspace.",
    ],
    remediation: "repair_run",
    confidence: 0.7,
    source: "DBX-SPEC TerminationCode.METASTORE_COMPONENT_UNHEALTHY / DBFS_COMPONENT_UNHEALTHY",
  },
  {
    id: "dbx-cluster-normal-termination",
    platform: "databricks",
    title: "Cluster terminated normally (inactivity, user request, job finished)",
    match: {
      errorCodes: ["INACTIVITY", "USER_REQUEST", "JOB_FINISHED"],
      patterns: [/Inactive cluster terminated \(inactive for \d+ minutes\)/i, /Reason: Inactivity/i],
    },
    category: "unknown",
    rootCause:
      "{cluster} was terminated on purpose ({code|normal termination}: auto-termination after inactivity, a user request or the job finishing). This is not itself a failure.",
    recommendations: [
      "If a job expected this cluster to be running, start it or move the job to a job cluster.",
      "If terminations are too aggressive, raise the cluster's auto-termination minutes.",
    ],
    remediation: "none",
    confidence: 0.3,
    source: "DBX-SPEC TerminationCode.INACTIVITY; corpus/databricks/clusters-api TERMINATED_INACTIVITY",
  },
];
