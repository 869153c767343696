// Policy rules: the first enabled rule that matches a ticket decides its mode.
import type { DecisionRca, DecisionTicket } from "./decide";
import type { PolicyRule } from "./types";

/** A glob over names: * any run of characters, ? one; case-insensitive like ADF and Databricks names. */
export function globMatches(pattern: string, name: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${re}$`, "i").test(name);
}

function tagMatches(tag: string, tags: Record<string, unknown>): boolean {
  const i = tag.indexOf("=");
  const key = tag.slice(0, i).trim();
  const value = tag.slice(i + 1).trim();
  const found = Object.entries(tags).find(([k]) => k.toLowerCase() === key.toLowerCase());
  return found !== undefined && String(found[1]).toLowerCase() === value.toLowerCase();
}

export function ruleMatches(rule: PolicyRule, ticket: DecisionTicket, rca: DecisionRca): boolean {
  if (!rule.enabled) return false;
  if (rule.source && rule.source !== ticket.source) return false;
  if (rule.category && rule.category !== rca.category) return false;
  if (rule.classOrCode) {
    const want = rule.classOrCode.toLowerCase();
    if (rca.matchedClassId?.toLowerCase() !== want && ticket.errorCode?.toLowerCase() !== want) return false;
  }
  if (rule.namePattern && !globMatches(rule.namePattern, ticket.resourceName)) return false;
  if (rule.tag && !tagMatches(rule.tag, ticket.tags)) return false;
  return true;
}

export function matchingRule(
  rules: readonly PolicyRule[],
  ticket: DecisionTicket,
  rca: DecisionRca,
): PolicyRule | undefined {
  return [...rules].sort((a, b) => a.position - b.position).find((r) => ruleMatches(r, ticket, rca));
}
