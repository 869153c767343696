// Public API of the rules RCA engine: analyzeWithRules, the knowledge base and its helpers.
export { analyzeWithRules } from "./analyze";
export { KNOWLEDGE_BASE, getErrorClass } from "./knowledge-base";
export { rankCandidates } from "./match";
export { SAFE_REMEDIATIONS, MIN_AUTO_REMEDIATION_CONFIDENCE, isSafeRemediation, applySafety } from "./safety";
export { errorSignature } from "./signature";
export { KB_SOURCES, sourceUrl } from "./sources";
export { isFallbackMessage } from "./text";
export { KB_PLATFORMS } from "./types";
export type { ErrorClass, ErrorClassMatch, KbPlatform, MatchedOn, RulesResult } from "./types";
