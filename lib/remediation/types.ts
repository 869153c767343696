// Words of the remediation domain, shared by the policy, the guardrails, the
// actions, storage and the API.
import { z } from "zod";
import type { RcaCategory } from "../rca/types";

export const REMEDIATION_MODES = ["off", "dry_run", "approval", "auto"] as const;
export type RemediationMode = (typeof REMEDIATION_MODES)[number];

export const REMEDIATION_STATUSES = [
  "proposed",
  "approved",
  "rejected",
  "dry_run",
  "running",
  "succeeded",
  "failed",
  "skipped",
] as const;
export type RemediationStatus = (typeof REMEDIATION_STATUSES)[number];

/** Statuses after which nothing more happens to an attempt. */
export const FINAL_STATUSES: readonly RemediationStatus[] = ["rejected", "dry_run", "succeeded", "failed", "skipped"];

/** The concrete calls this service can make. */
export const REMEDIATION_ACTIONS = [
  "databricks_repair_run",
  "databricks_cluster_start",
  "databricks_cluster_restart",
  "databricks_cluster_resize",
  "adf_rerun_from_failure",
  "playbook",
] as const;
export type RemediationAction = (typeof REMEDIATION_ACTIONS)[number];

/** Never fixed by a machine, whatever a policy rule says: a human has to change something. */
export const NEVER_REMEDIATE: readonly RcaCategory[] = [
  "permission",
  "configuration",
  "schema_data",
  "code",
  "unknown",
];

/** A policy rule as the API and the editor send it. */
export const policyRuleInput = z
  .object({
    enabled: z.boolean().default(true),
    source: z.string().trim().min(1).max(100).nullish(),
    category: z.string().trim().min(1).max(50).nullish(),
    classOrCode: z.string().trim().min(1).max(200).nullish(),
    namePattern: z.string().trim().min(1).max(300).nullish(),
    tag: z
      .string()
      .trim()
      .regex(/^[^=\s]+=.+$/, "expected key=value")
      .max(300)
      .nullish(),
    mode: z.enum(REMEDIATION_MODES),
    playbookUrl: z
      .string()
      .trim()
      .regex(/^https?:\/\/\S+$/, "expected an http(s) URL")
      .max(2000)
      .nullish(),
    note: z.string().trim().max(500).nullish(),
  })
  .strict();
export type PolicyRuleInput = z.infer<typeof policyRuleInput>;

export interface PolicyRule {
  id: string;
  position: number;
  enabled: boolean;
  source: string | null;
  category: string | null;
  classOrCode: string | null;
  namePattern: string | null;
  tag: string | null;
  mode: RemediationMode;
  playbookUrl: string | null;
  note: string | null;
}

/** What the remediation settings are at a given moment (env + stored switches). */
export interface RemediationSettings {
  enabled: boolean;
  defaultMode: RemediationMode;
  minConfidence: number;
  maxAttempts: number;
  maxPerHour: number;
  breakerThreshold: number;
  breakerCooldownMs: number;
  backoffMs: number;
  pollMs: number;
  verifyTimeoutMs: number;
  killSwitch: boolean;
}
