// What intake needs of the Databricks source (lib/sources/intake.ts): loaded by the database thread without the
// Jobs / Clusters / Libraries clients.
import type { IntakeDefinition } from "../intake";
import { extract } from "./extract";
import { databricksPayloadSchema, type DatabricksPayload } from "./schema";

export const databricksIntake: IntakeDefinition<DatabricksPayload> = {
  id: "databricks",
  schema: databricksPayloadSchema,
  unsupportedMessage:
    'Expected a Databricks job notification webhook (event_type "jobs.on_failure", "jobs.on_success", ... with workspace_id, run.run_id and job.job_id), ' +
    'or the documented custom payload (event_type "cluster.terminated", "cluster.failed_to_start", "cluster.driver_not_responding" or "library.install_failed" with workspace_id and cluster.cluster_id)',
  extract,
};
