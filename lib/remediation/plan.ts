// Which outside call an RCA's remediation becomes for one ticket: the source's own planner (a Databricks run
// repair, a cluster start / restart / resize, an ADF re-run from the failed activity: SourceAdapter.planFix), or a
// team's playbook in its place. Pure: reads the ticket's metadata only; the executor (actions/) reads live state
// before it calls.
import type { Remediation } from "../rca/types";
import { getSource } from "../sources/registry";
import type { TicketForEnrichment } from "../sources/types";
import type { Plan, PlanOptions } from "./plan-types";
import type { RemediationAction } from "./types";

export type { ActionParams, Plan, PlannedCall, PlanOptions, RequestRecord } from "./plan-types";

/** The call for a ticket's remediation, or why there is none. */
export function planRemediation(ticket: TicketForEnrichment, remediation: Remediation, o: PlanOptions): Plan {
  if (remediation === "none") return { ok: false, reason: "the RCA proposes no automatic fix" };
  const planner = getSource(ticket.source)?.planFix;
  if (!planner) return { ok: false, reason: `no automatic action for ${ticket.source} failures yet` };
  const plan = planner(ticket, remediation, o);
  if (!plan.ok) return plan;
  const requested = plan.call.action as Exclude<RemediationAction, "playbook">;
  const isCluster = requested === "databricks_cluster_start" || requested === "databricks_cluster_restart";
  const playbook =
    o.rulePlaybookUrl ??
    (isCluster
      ? o.playbooks.restartCluster
      : requested === "databricks_cluster_resize"
        ? undefined
        : o.playbooks.retryPipeline);
  if (!playbook) return plan;
  // A team's own automation instead of the built-in call; the limits still count on the same pipeline / job.
  return {
    ok: true,
    call: {
      ...plan.call,
      action: "playbook",
      target: `playbook:${new URL(playbook).host}`,
      params: { kind: "playbook", url: playbook, requested },
      request: { method: "POST", url: playbook, body: { requestedAction: requested, call: plan.call.request } },
    },
  };
}
