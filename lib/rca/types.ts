// The root-cause analysis record: what broke, why, how sure we are, what to
// do, and whether it is safe to fix automatically. Shared by the rules engine,
// the Gemini provider, storage and the API.
import { z } from "zod";

export const RCA_CATEGORIES = [
  "transient",
  "upstream_data",
  "permission",
  "configuration",
  "schema_data",
  "resource",
  "library",
  "code",
  "platform",
  "unknown",
] as const;
export type RcaCategory = (typeof RCA_CATEGORIES)[number];

export const REMEDIATIONS = [
  "retry",
  "retry_with_backoff",
  "restart_cluster",
  "repair_run",
  "scale_up_cluster",
  "none",
] as const;
export type Remediation = (typeof REMEDIATIONS)[number];

/** Categories a machine must never try to fix: a human has to change something. */
export const NEVER_AUTO_REMEDIATE: readonly RcaCategory[] = ["permission", "configuration", "schema_data", "code"];

/** The analysis itself, as a provider produces it. */
export const rcaAnalysisSchema = z.object({
  category: z.enum(RCA_CATEGORIES),
  /** 2–4 sentences */
  rootCause: z.string().min(1),
  /** quoted lines of the error / run details it rests on */
  evidence: z.array(z.string()),
  /** ordered, concrete steps */
  recommendations: z.array(z.string()),
  remediation: z.enum(REMEDIATIONS),
  confidence: z.number().min(0).max(1),
});
export type RcaAnalysis = z.infer<typeof rcaAnalysisSchema>;

/** Everything an RCA provider may look at. Built from the ticket and its run details; secrets redacted before any LLM sees it. */
export interface RcaInput {
  source: string;
  resourceType: string;
  resourceName: string;
  errorCode: string | null;
  errorMessage: string;
  errorTrace: string | null;
  failureType: string | null;
  /** failed tasks / activities / cluster events / libraries found by enrichment */
  details: {
    kind: string;
    name: string | null;
    status: string | null;
    errorCode: string | null;
    errorMessage: string | null;
    errorTrace: string | null;
  }[];
  metadata: Record<string, unknown>;
  /** the source's own words for where a run's error is read and which settings fetch it (its adapter's runHelp) */
  runHelp?: { where: string; settings?: string };
}

/**
 * How the category was reached: a rules knowledge-base class ("rule"), the statistical text classifier used when no
 * class matched ("statistical", capped confidence, never an automatic fix), the LLM ("gemini"), or nothing ("none":
 * unknown).
 */
export const RCA_METHODS = ["rule", "statistical", "gemini", "none"] as const;
export type RcaMethod = (typeof RCA_METHODS)[number];

/** A stored RCA version. */
export interface RcaRecord extends RcaAnalysis {
  provider: "rules" | "gemini";
  model: string | null;
  method: RcaMethod;
  /** the rules class that matched, if any (kept under a Gemini answer too: what the rules engine saw) */
  matchedClassId: string | null;
  errorSignature: string;
  similarTicketIds: string[];
  latencyMs: number;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  fallbackReason: string | null;
}

/** The safety rule, applied to every analysis whatever produced it. */
export function enforceSafety<T extends RcaAnalysis>(analysis: T): T {
  if (NEVER_AUTO_REMEDIATE.includes(analysis.category) && analysis.remediation !== "none") {
    return { ...analysis, remediation: "none" };
  }
  if (analysis.category === "unknown" && analysis.remediation !== "none") {
    return { ...analysis, remediation: "none" };
  }
  return analysis;
}
