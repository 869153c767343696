// A ticket's automatic fix as the API serves it (RemediationJson), for tests of what notifiers say about fixes.
import type { RemediationJson } from "../api/schemas";

/** A first, running Databricks repair started by the policy; `over` sets what a test is about. */
export function remediationJson(over: Partial<RemediationJson> = {}): RemediationJson {
  return {
    id: "r-1",
    action: "databricks_repair_run",
    mode: "auto",
    status: "running",
    attempt: 1,
    reason: null,
    request: {},
    newRunId: null,
    runUrl: null,
    error: null,
    actor: "policy",
    details: {},
    createdAt: "2026-12-04T03:00:00.000Z",
    startedAt: "2026-12-04T03:00:01.000Z",
    finishedAt: null,
    ...over,
  };
}
