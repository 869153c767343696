// The knowledge base: every error class, specific platforms first (order breaks ties between equally ranked classes).
import { ADF_COMPUTE_CLASSES } from "./kb/adf-compute";
import { ADF_COPY_DATA_CLASSES } from "./kb/adf-copy-data";
import { ADF_COPY_STORE_CLASSES } from "./kb/adf-copy-stores";
import { ADF_DATABRICKS_ACTIVITY_CLASSES } from "./kb/adf-databricks-activity";
import { ADF_DATAFLOW_CLASSES } from "./kb/adf-dataflow";
import { ADF_PIPELINE_CLASSES } from "./kb/adf-pipeline";
import { ADF_WEB_FUNCTION_CLASSES } from "./kb/adf-web-function";
import { AZURE_CLASSES } from "./kb/azure";
import { DATABRICKS_CLUSTER_LAUNCH_CLASSES } from "./kb/databricks-cluster-launch";
import { DATABRICKS_CLUSTER_RUNTIME_CLASSES } from "./kb/databricks-cluster-runtime";
import { DATABRICKS_JOB_CLASSES } from "./kb/databricks-jobs";
import { FAMILY_CLASSES } from "./kb/families";
import { GENERIC_CLASSES } from "./kb/generic";
import { SPARK_DATA_CLASSES } from "./kb/spark-data";
import { SPARK_RUNTIME_CLASSES } from "./kb/spark-runtime";
import { SQL_CLASSES } from "./kb/sql";
import { DOCUMENTED_CLASSES } from "./documented";
import type { ErrorClass } from "./types";

export const KNOWLEDGE_BASE: readonly ErrorClass[] = Object.freeze([
  ...ADF_DATABRICKS_ACTIVITY_CLASSES,
  ...ADF_COMPUTE_CLASSES,
  ...ADF_WEB_FUNCTION_CLASSES,
  ...ADF_PIPELINE_CLASSES,
  ...ADF_COPY_STORE_CLASSES,
  ...ADF_COPY_DATA_CLASSES,
  ...ADF_DATAFLOW_CLASSES,
  ...DATABRICKS_JOB_CLASSES,
  ...DATABRICKS_CLUSTER_RUNTIME_CLASSES,
  ...DATABRICKS_CLUSTER_LAUNCH_CLASSES,
  ...SPARK_RUNTIME_CLASSES,
  ...SPARK_DATA_CLASSES,
  ...AZURE_CLASSES,
  ...SQL_CLASSES,
  ...GENERIC_CLASSES,
  // broad families last: they are wrappers that only decide when nothing more specific matched
  ...FAMILY_CLASSES,
]);

/**
 * What the engine ranks: Microsoft's documented errors first (on equal rank and confidence the vendor's entry for
 * the exact message wins over a hand-written class), then the hand-written knowledge base.
 */
export const RULE_CLASSES: readonly ErrorClass[] = Object.freeze([...DOCUMENTED_CLASSES, ...KNOWLEDGE_BASE]);

const BY_ID = new Map(RULE_CLASSES.map((c) => [c.id, c]));

export function getErrorClass(id: string): ErrorClass | undefined {
  return BY_ID.get(id);
}
