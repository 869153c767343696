// Types of the rules knowledge base: one ErrorClass per known failure class, written as data.
import type { RcaAnalysis, RcaCategory, Remediation } from "../types";

export const KB_PLATFORMS = ["adf", "databricks", "spark", "azure", "sql", "generic"] as const;
export type KbPlatform = (typeof KB_PLATFORMS)[number];

export interface ErrorClassMatch {
  /** exact error codes (case-insensitive): ADF codes, inner `ErrorCode=` values, Databricks termination / API codes, Spark error classes */
  errorCodes?: string[];
  /** code families, e.g. "DF-Xml-" (case-insensitive prefix of a code) */
  codePrefixes?: string[];
  /** tested on the raw message / trace / detail texts and on their normalised form; never use the g flag */
  patterns?: RegExp[];
  /** failureType values (ADF UserError/SystemError, Databricks termination types) */
  failureType?: string[];
  /** the code alone is ambiguous (ADF 3202 means three things): it only counts together with one of the patterns */
  codeRequiresPattern?: boolean;
  /** neither alone identifies the class (ADF 2300 + "401"): it matches only when a code AND a pattern match */
  requireCodeAndPattern?: boolean;
}

export interface ErrorClass {
  /** stable id, used in signatures, caches and the dashboard */
  id: string;
  platform: KbPlatform;
  /** short human title */
  title: string;
  match: ErrorClassMatch;
  /**
   * A wrapper class: its code or text says "something failed inside" (ADF 2200 / 2011 / 3204,
   * Py4JJavaError, Databricks INTERNAL_ERROR ...). It only wins when nothing more specific matched.
   */
  wrapper?: boolean;
  category: RcaCategory;
  /**
   * 2–4 sentences. Placeholders: {subject} (the failed task/activity and resource), {cluster} ("cluster 'x'" or
   * "the cluster used by <subject>"), {resource},
   * {resourceType}, {code}, {error} (the matched line), any named capture group of the matched
   * pattern; `{name|fallback}` gives text to use when the value is missing.
   */
  rootCause: string;
  /** ordered, concrete steps; same placeholders as rootCause */
  recommendations: string[];
  /** the SAFE automatic fix; "none" when a human must change something */
  remediation: Remediation;
  /** base confidence 0..1 */
  confidence: number;
  /** where the class comes from: "ADF-TS 3203", "DBX-SDK TerminationCode", a doc URL ... */
  source: string;
}

export type MatchedOn = "errorCode" | "pattern" | "failureType";

export interface RulesResult extends RcaAnalysis {
  matchedClassId: string | null;
  errorSignature: string;
  matchedOn: MatchedOn | null;
}
