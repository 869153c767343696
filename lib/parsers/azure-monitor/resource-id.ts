// ARM resource ids: which subscription, resource group, type and name an
// alert is about. Azure lower-cases ids in some payloads, so matching is
// case-insensitive while the original spelling is kept.
import { escapeRegExp } from "../../regexp";

export interface ResourceRef {
  id: string;
  subscriptionId: string | null;
  resourceGroup: string | null;
  /** lower-cased full type, nested types included: "microsoft.synapse/workspaces/bigdatapools" */
  type: string | null;
  /** the last name segment */
  name: string | null;
}

export function parseResourceId(id: string | null | undefined): ResourceRef | null {
  if (!id) return null;
  const parts = id.trim().split("/").filter(Boolean);
  if (parts.length < 2 || parts[0].toLowerCase() !== "subscriptions") return null;
  const ref: ResourceRef = { id: id.trim(), subscriptionId: parts[1], resourceGroup: null, type: null, name: null };
  let i = 2;
  if (parts[i]?.toLowerCase() === "resourcegroups" && parts[i + 1]) {
    ref.resourceGroup = parts[i + 1];
    i += 2;
  }
  if (parts[i]?.toLowerCase() === "providers" && parts[i + 1]) {
    const rest = parts.slice(i + 2);
    const types = rest.filter((_, n) => n % 2 === 0);
    const names = rest.filter((_, n) => n % 2 === 1);
    if (types.length > 0) ref.type = [parts[i + 1], ...types].join("/").toLowerCase();
    ref.name = names.at(-1) ?? null;
  }
  return ref;
}

function typeMatcher(providerType: string): RegExp {
  return new RegExp(`^(.*?/providers/${escapeRegExp(providerType)}/([^/]+))`, "i");
}

/** The name after `<provider>/<type>/`: (".../Microsoft.DataFactory/factories/Sales/pipelines/x", "Microsoft.DataFactory/factories") → "Sales". */
export function nameInResourceId(id: string | null | undefined, providerType: string): string | null {
  return (id && typeMatcher(providerType).exec(id.trim())?.[2]) || null;
}

/** The id of the `<provider>/<type>` resource an id is or lives under (a factory for a pipeline id). */
export function resourceIdOf(id: string | null | undefined, providerType: string): string | null {
  return (id && typeMatcher(providerType).exec(id.trim())?.[1]) || null;
}
