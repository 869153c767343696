// The failure pipeline, in order: the one place that says which step follows
// which, and when each runs. The runner (runner.ts) moves a ticket from one
// step to the next declared step whose condition holds; steps only return
// results. A new step is a file in steps/ and one line here.
import { enrichStep, sourceCanEnrich } from "./steps/enrich";
import { anyNotifierConfigured, notifyStep } from "./steps/notify";
import { rcaStep } from "./steps/rca";
import { rcaProposesFix, remediateStep } from "./steps/remediate";
import { isTestTicket } from "../test-events/marker";
import type { ConditionContext, Pipeline } from "./types";

/** A setup page test event (lib/test-events) stops after the RCA: its run does not exist and nobody is paged. */
const real = (when: (c: ConditionContext) => boolean) => (c: ConditionContext) => !isTestTicket(c.ticket) && when(c);

export const PIPELINE: Pipeline = [
  // the exact error from the source's API, when the source has one (else the ticket says "skipped")
  { step: enrichStep, when: real(sourceCanEnrich) },
  // always: a ticket is never left without an analysis
  { step: rcaStep },
  // when at least one notifier (Slack, Jira: lib/integrations/notifier.ts) is configured
  { step: notifyStep, when: real(anyNotifierConfigured) },
  // when the RCA proposes a fix: the policy and guardrails decide (lib/remediation); calls run in their own jobs
  { step: remediateStep, when: real(rcaProposesFix) },
];
