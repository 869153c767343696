// Setup → "Send a test event": a job-run failure as a Databricks notification
// destination posts it, then the run's success, which resolves the ticket.
// The workspace is the configured one when there is exactly one (so the
// ticket looks like the team's own), else a placeholder.
import type { TestEvent } from "../types";

export function databricksTestEvent(runId: number, workspaceId: string | null): TestEvent {
  const fired = {
    event_type: "jobs.on_failure",
    workspace_id: workspaceId && /^\d+$/.test(workspaceId) ? Number(workspaceId) : 1234567890123456,
    run: { run_id: runId },
    job: { job_id: 1, name: "rca-desk-test-event" },
  };
  return { fired, resolved: { ...fired, event_type: "jobs.on_success" } };
}
