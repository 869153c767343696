// FinOps tags from an alert rule's custom properties: the well-known keys
// get one spelling (team, costCenter, environment), matching the aliases of
// lib/ingest/tags.ts; anything else is kept under its own key.
import { normKey, type Fields } from "./fields";

const CANONICAL: Record<string, string> = {
  team: "team",
  teamname: "team",
  owningteam: "team",
  costcenter: "costCenter",
  costcentre: "costCenter",
  cost: "costCenter",
  cc: "costCenter",
  env: "environment",
  environment: "environment",
  environmentname: "environment",
  stage: "environment",
};

/** "Error.errorCode" → "error": a dotted key belongs to its parent's field (FieldBag). */
function dottedParent(key: string): string {
  const dot = key.indexOf(".");
  return dot > 0 ? normKey(key.slice(0, dot)) : "";
}

/**
 * String-valued custom properties as tags; earlier sources win when a key
 * repeats. `reserved` (normalized keys) are the fields the extractor reads
 * as facts (PipelineName, ErrorMessage...): they describe the failure, not
 * who pays for it. `owner` stands in for `team` only when no team is given,
 * else it is kept as `owner`.
 */
export function extractTags(
  sources: ReadonlyArray<Fields | null | undefined>,
  reserved: ReadonlySet<string>,
): Record<string, string> {
  const tags = new Map<string, string>();
  let owner: string | null = null;
  for (const source of sources) {
    for (const [key, value] of Object.entries(source ?? {})) {
      if (typeof value !== "string" || !value.trim()) continue;
      const k = normKey(key);
      if (!k || reserved.has(k) || reserved.has(dottedParent(key))) continue;
      if (k === "owner") {
        owner ??= value.trim();
        continue;
      }
      const tag = CANONICAL[k] ?? key;
      if (!tags.has(tag)) tags.set(tag, value.trim());
    }
  }
  if (owner) tags.set(tags.has("team") ? "owner" : "team", owner);
  return Object.fromEntries(tags);
}
