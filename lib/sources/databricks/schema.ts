// Payloads accepted on /api/databricks-monitor: Databricks job notification
// webhooks (event_type "jobs.*") and our documented custom cluster/library
// payload for what Databricks sends no webhook for (posted by the watcher or
// a script). Unknown extra fields are tolerated everywhere.
import { z } from "zod";
import { libraryCoordinatesSchema } from "../../integrations/databricks/schemas";
import { PAYLOAD_DATE_RANGE, payloadDate } from "../dates";

/** Databricks ids arrive as JSON numbers or strings depending on the sender: keep them as strings. */
const id = z.union([z.string().trim().min(1), z.number().int().nonnegative()]).transform((v) => String(v));

export const JOB_EVENT_TYPES = [
  "jobs.on_start",
  "jobs.on_success",
  "jobs.on_failure",
  "jobs.on_duration_warning_threshold_exceeded",
  "jobs.on_streaming_backlog_exceeded",
] as const;

export const jobWebhookSchema = z.looseObject({
  // Any jobs.* event parses: a new Databricks event type is answered "ignored", not rejected.
  event_type: z.string().regex(/^jobs\.[a-z_]+$/, 'expected a Databricks job event such as "jobs.on_failure"'),
  workspace_id: id,
  run: z.looseObject({
    run_id: id,
    /** present on task-level events: the job run the task belongs to */
    parent_run_id: id.nullish(),
    run_page_url: z.string().nullish().catch(undefined),
  }),
  job: z.looseObject({ job_id: id.nullish(), name: z.string().nullish() }).nullish(),
  task: z.looseObject({ task_key: z.string().min(1) }).nullish(),
});
export type JobWebhookPayload = z.output<typeof jobWebhookSchema>;

export const CUSTOM_EVENT_TYPES = [
  "cluster.terminated",
  "cluster.failed_to_start",
  "cluster.driver_not_responding",
  "library.install_failed",
] as const;
export type CustomEventType = (typeof CUSTOM_EVENT_TYPES)[number];

/**
 * Epoch milliseconds (epoch seconds accepted), a numeric string, or ISO-8601 → Date.
 * This payload is our own contract (the watcher, a user's script): a date it
 * cannot mean (1e308, nanoseconds, year 1970) is answered 422 so the script's
 * author sees it at once, rather than a ticket filed at a made-up time.
 */
export const eventTime = z.union([z.number(), z.string().min(1)]).transform((v, ctx) => {
  const date = payloadDate(v);
  if (!date) {
    ctx.addIssue({ code: "custom", message: `expected epoch milliseconds or an ISO-8601 date ${PAYLOAD_DATE_RANGE}` });
    return z.NEVER;
  }
  return date;
});

const termParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String));

const customCluster = z.looseObject({
  cluster_id: z.string().trim().min(1),
  cluster_name: z.string().nullish(),
  state: z.string().nullish(),
  state_message: z.string().nullish(),
  /** UI | API | JOB | PIPELINE ... */
  cluster_source: z.string().nullish(),
  terminated_time: eventTime.nullish(),
  termination_reason: z
    .looseObject({ code: z.string().nullish(), type: z.string().nullish(), parameters: termParams.nullish() })
    .nullish(),
});

/** Coordinates inline ({"pypi": {...}, "messages": [...]}) or as the Libraries API entry ({"library": {...}, "status", "messages"}). */
const customLibrary = libraryCoordinatesSchema.extend({
  library: libraryCoordinatesSchema.nullish(),
  status: z.string().nullish(),
  messages: z.array(z.string()).nullish(),
});

export const customPayloadSchema = z
  .looseObject({
    event_type: z.enum(CUSTOM_EVENT_TYPES),
    workspace_id: id,
    /** when the event happened; part of the dedup key for cluster events */
    timestamp: eventTime.nullish(),
    cluster: customCluster,
    library: customLibrary.nullish(),
    /** free text from the reporter (e.g. a driver_state_message); used when nothing better is given */
    message: z.string().nullish(),
    /** who posted it: "rca-desk-watcher", a script name ... */
    reporter: z.string().nullish(),
  })
  .superRefine((p, ctx) => {
    if (p.event_type === "library.install_failed") {
      const lib = p.library?.library ?? p.library;
      const hasCoordinates =
        lib && (lib.pypi || lib.maven || lib.cran || lib.jar || lib.whl || lib.egg || lib.requirements);
      if (!hasCoordinates) {
        ctx.addIssue({
          code: "custom",
          path: ["library"],
          message:
            'library.install_failed needs library coordinates, e.g. {"pypi": {"package": "x"}} or {"jar": "dbfs:/x.jar"}',
        });
      }
    }
  });
export type CustomPayload = z.output<typeof customPayloadSchema>;
/** What a watcher or script sends (ids as strings or numbers, timestamp as epoch ms or ISO). */
export type CustomPayloadInput = z.input<typeof customPayloadSchema>;

export type DatabricksPayload = JobWebhookPayload | CustomPayload;

function isCustomEventType(value: unknown): value is CustomEventType {
  return typeof value === "string" && (CUSTOM_EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * Dispatch on event_type before validating, so a 422 names the real problem
 * ("run.run_id: required") instead of zod's generic "no union member matched".
 */
export const databricksPayloadSchema = z.unknown().transform((body, ctx): DatabricksPayload => {
  const eventType = body && typeof body === "object" ? (body as Record<string, unknown>).event_type : undefined;
  const schema =
    typeof eventType === "string" && eventType.startsWith("jobs.")
      ? jobWebhookSchema
      : isCustomEventType(eventType)
        ? customPayloadSchema
        : null;
  if (!schema) {
    ctx.addIssue({
      code: "custom",
      path: ["event_type"],
      message: `expected "jobs.on_failure" (or another jobs.* event) or one of ${CUSTOM_EVENT_TYPES.join(", ")}`,
    });
    return z.NEVER;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    return z.NEVER;
  }
  return parsed.data;
});

export function isJobWebhook(payload: DatabricksPayload): payload is JobWebhookPayload {
  return payload.event_type.startsWith("jobs.");
}
