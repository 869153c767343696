// All labelled examples, and how an example becomes an RcaInput.
import type { RcaInput } from "../../types";
import { ADF_EXAMPLES } from "./adf";
import { ADF_DATAFLOW_EXAMPLES } from "./adf-dataflow";
import { CONNECTOR_EXAMPLES } from "./connectors";
import { DATABRICKS_EXAMPLES } from "./databricks";
import { DATABRICKS_CLUSTER_EXAMPLES } from "./databricks-clusters";
import { FAMILY_EXAMPLES } from "./families";
import { GENERIC_EXAMPLES } from "./generic";
import { SPARK_EXAMPLES } from "./spark";
import type { KbExample } from "./types";

export type { KbExample } from "./types";

export const KB_EXAMPLES: readonly KbExample[] = [
  ...ADF_EXAMPLES,
  ...ADF_DATAFLOW_EXAMPLES,
  ...CONNECTOR_EXAMPLES,
  ...DATABRICKS_EXAMPLES,
  ...DATABRICKS_CLUSTER_EXAMPLES,
  ...SPARK_EXAMPLES,
  ...GENERIC_EXAMPLES,
  ...FAMILY_EXAMPLES,
];

export function exampleInput(example: KbExample): RcaInput {
  const resourceType = example.resourceType ?? "activity";
  return {
    source: ["job", "task", "cluster", "library"].includes(resourceType) ? "databricks" : "azure-data-factory",
    resourceType,
    resourceName: resourceType === "cluster" ? "0923-164208-meows279" : "nightly_sales",
    errorCode: example.errorCode ?? null,
    errorMessage: example.message,
    errorTrace: example.trace ?? null,
    failureType: example.failureType ?? null,
    details: example.details ?? [],
    metadata: {},
  };
}
