// Zod schemas for the envelopes Azure Monitor action groups send: the
// common alert schema, plus the legacy (non-common) shapes whose fields can
// still be read. The alertContext is validated separately (context.ts)
// because its shape depends on the signal, and a context we cannot read
// must still make a ticket from the essentials.
import { z } from "zod";

const scalar = z.union([z.string(), z.number(), z.boolean()]).nullish();
const optText = z.string().nullish();

/** Array items that do not fit (or a non-array) are dropped instead of failing the whole alert. */
export function lenientArray<T>(item: z.ZodType<T>) {
  return z
    .unknown()
    .optional()
    .transform((items) =>
      (Array.isArray(items) ? items : []).flatMap((i) => {
        const r = item.safeParse(i);
        return r.success ? [r.data] : [];
      }),
    );
}

function schemaIdIs(expected: string) {
  return z
    .string()
    .refine((v) => v.toLowerCase() === expected.toLowerCase(), { message: `schemaId must be ${expected}` });
}

export const essentialsSchema = z
  .looseObject({
    alertId: optText,
    alertRule: optText,
    severity: scalar,
    signalType: optText,
    monitorCondition: optText,
    monitoringService: optText,
    alertTargetIDs: lenientArray(z.string()),
    configurationItems: lenientArray(z.string()),
    firedDateTime: optText,
    resolvedDateTime: optText,
    description: optText,
  })
  .refine((e) => Boolean(e.alertId || e.alertRule), { message: "data.essentials needs an alertId or alertRule" });

export const commonAlertSchema = z.looseObject({
  // Logic Apps and hand-written senders sometimes drop schemaId but keep the shape.
  schemaId: schemaIdIs("azureMonitorCommonAlertSchema").optional(),
  data: z.looseObject({
    essentials: essentialsSchema,
    alertContext: z.unknown().optional(),
    customProperties: z.unknown().optional(),
  }),
});

/** Legacy metric alert webhook (schemaId AzureMonitorMetricAlert, data.status Activated/Resolved). */
export const legacyMetricAlertSchema = z.looseObject({
  schemaId: schemaIdIs("AzureMonitorMetricAlert"),
  data: z.looseObject({
    status: z.string(),
    properties: z.unknown().optional(),
    context: z.looseObject({
      id: optText,
      name: z.string(),
      description: optText,
      conditionType: optText,
      severity: scalar,
      timestamp: optText,
      condition: z.record(z.string(), z.unknown()),
      subscriptionId: optText,
      resourceGroupName: optText,
      resourceName: optText,
      resourceType: optText,
      resourceId: optText,
      portalLink: optText,
    }),
  }),
});

/** Legacy activity log alert webhook (schemaId Microsoft.Insights/activityLogs). */
export const legacyActivityLogSchema = z.looseObject({
  schemaId: schemaIdIs("Microsoft.Insights/activityLogs"),
  data: z.looseObject({
    status: z.string(),
    properties: z.unknown().optional(),
    context: z.looseObject({
      activityLog: z.looseObject({ operationName: z.string() }),
    }),
  }),
});

const legacyLogFields = z.looseObject({
  AlertRuleName: z.string(),
  SearchQuery: z.string(),
  Severity: scalar,
  Description: optText,
  SubscriptionId: optText,
  ResourceId: optText,
});

/** Legacy log alert V1: flat for Log Analytics, wrapped in `data` (schemaId Microsoft.Insights/LogAlert) for Application Insights. */
export const legacyLogAlertSchema = z.union([
  legacyLogFields,
  z
    .looseObject({ schemaId: schemaIdIs("Microsoft.Insights/LogAlert"), data: legacyLogFields })
    .transform((p) => p.data),
]);

export type CommonAlert = z.infer<typeof commonAlertSchema>;
export type LegacyMetricAlert = z.infer<typeof legacyMetricAlertSchema>;
export type LegacyActivityLogAlert = z.infer<typeof legacyActivityLogSchema>;
export type LegacyLogAlert = z.infer<typeof legacyLogAlertSchema>;

/** Every Azure Monitor envelope we can read, tagged with its format. */
export const azureMonitorPayloadSchema = z.union([
  commonAlertSchema.transform((alert) => ({ format: "common" as const, alert })),
  legacyMetricAlertSchema.transform((alert) => ({ format: "legacy-metric" as const, alert })),
  legacyActivityLogSchema.transform((alert) => ({ format: "legacy-activity-log" as const, alert })),
  legacyLogAlertSchema.transform((alert) => ({ format: "legacy-log-v1" as const, alert })),
]);

export type AzureMonitorPayload = z.infer<typeof azureMonitorPayloadSchema>;

/** What to tell a sender whose JSON is none of the above. */
export const COMMON_SCHEMA_HINT =
  "Expected an Azure Monitor alert in the common alert schema (schemaId azureMonitorCommonAlertSchema with data.essentials): " +
  "enable the common alert schema on the action group (Azure Monitor → Action groups → your webhook action → Enable the common alert schema: Yes)";
