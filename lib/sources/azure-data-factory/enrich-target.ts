// Which factory and pipeline an ADF ticket points at, read from the metadata.azure
// the adapter wrote or else the alert's target resource id. Alerts leave any of these
// fields out, so reading them tolerantly lives here, apart from the API calls.
import { z } from "zod";
import type { FactoryCoordinates } from "../../integrations/azure";
import { toDate } from "./adf-runs";
import type { TicketForEnrichment } from "../types";

const text = z
  .unknown()
  .optional()
  .transform((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null));
const when = z
  .unknown()
  .optional()
  .transform((v) => (v instanceof Date || typeof v === "string" ? toDate(v) : null));
const dimensions = z
  .unknown()
  .optional()
  .transform((v): Record<string, string> => {
    const out: Record<string, string> = {};
    if (Array.isArray(v)) {
      for (const d of v) {
        const o = d && typeof d === "object" ? (d as Record<string, unknown>) : {};
        if (typeof o.name === "string" && typeof o.value === "string") out[o.name] = o.value;
      }
    } else if (v && typeof v === "object") {
      for (const [k, val] of Object.entries(v)) if (typeof val === "string") out[k] = val;
    }
    return out;
  });

/** metadata.azure as the ADF adapter writes it; every field may be null or absent. */
const azureMetaSchema = z.object({
  subscriptionId: text,
  resourceGroup: text,
  factoryName: text,
  resourceId: text,
  windowStart: when,
  windowEnd: when,
  alertRule: text,
  metricName: text,
  dimensions,
});
export type AzureMeta = z.infer<typeof azureMetaSchema>;

const FACTORY_ID =
  /\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.DataFactory\/factories\/([^/?#]+)/i;

export function readAzureMeta(ticket: TicketForEnrichment): AzureMeta {
  const raw = ticket.metadata.azure;
  const parsed = azureMetaSchema.safeParse(raw && typeof raw === "object" ? raw : {});
  return parsed.success ? parsed.data : azureMetaSchema.parse({});
}

type Target = { ok: true; factory: FactoryCoordinates; scope: string } | { ok: false; missing: string[] };

/** Factory coordinates from metadata.azure, else from the alert's target resource id. */
export function resolveFactory(ticket: TicketForEnrichment, meta: AzureMeta): Target {
  const fromId = meta.resourceId ? FACTORY_ID.exec(meta.resourceId) : null;
  const subscriptionId = meta.subscriptionId ?? fromId?.[1] ?? null;
  const resourceGroup = meta.resourceGroup ?? fromId?.[2] ?? null;
  const factoryName = meta.factoryName ?? fromId?.[3] ?? ticket.scope;
  if (subscriptionId && resourceGroup && factoryName) {
    return { ok: true, factory: { subscriptionId, resourceGroup, factoryName }, scope: ticket.scope ?? factoryName };
  }
  const missing = [
    !subscriptionId && "subscription id",
    !resourceGroup && "resource group",
    !factoryName && "factory name",
  ].filter((m): m is string => typeof m === "string");
  return { ok: false, missing };
}

/** Metric dimensions name the pipeline more reliably than a title does. */
/** null for a factory-wide alert (no pipeline dimension): every failed run of the factory counts. */
export function pipelineNameOf(ticket: TicketForEnrichment, meta: AzureMeta): string | null {
  const d = meta.dimensions;
  const fromName = meta.metricName?.startsWith("Pipeline") ? d.Name : undefined;
  const fromTicket = ticket.metadata.pipelineName;
  if (typeof fromTicket === "string" && fromTicket) return fromTicket;
  if ("pipelineName" in ticket.metadata && fromTicket === null && !d.PipelineName && !fromName) return null;
  return d.PipelineName ?? fromName ?? ticket.resourceName;
}
