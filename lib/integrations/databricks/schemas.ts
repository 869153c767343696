// Zod shapes of the Databricks REST answers we read (Jobs 2.1, Clusters 2.0,
// Libraries 2.0). Lenient on purpose: every field we do not strictly need is
// optional, and a malformed optional field degrades to "absent" instead of
// failing the whole answer, because an RCA with one field missing beats none.
import { z } from "zod";

/** Optional leaf: wrong type or null reads as undefined. */
function opt<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

/** Array whose malformed entries are dropped: one odd task must not hide the others. */
function lenientArray<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .optional()
    .catch(undefined)
    .transform((list): z.output<T>[] =>
      (list ?? []).flatMap((entry) => {
        const parsed = item.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      }),
    );
}

/** Ids arrive as JSON numbers (int64) or strings depending on API and version. */
export const apiId = z.union([z.string().min(1), z.number()]).transform((v) => String(v));

/** Epoch milliseconds; Databricks uses 0 for "not set" and some clients send numeric strings. */
const epochMs = z
  .union([z.number(), z.string().regex(/^\d+$/)])
  .transform((v) => Number(v))
  .transform((n) => (n > 0 ? n : undefined));

const stringMap = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String));

export const runStateSchema = z.looseObject({
  life_cycle_state: opt(z.string()),
  result_state: opt(z.string()),
  state_message: opt(z.string()),
  user_cancelled_or_timedout: opt(z.boolean()),
  queue_reason: opt(z.string()),
});
export type RunState = z.infer<typeof runStateSchema>;

export const terminationDetailsSchema = z.looseObject({
  code: opt(z.string()),
  type: opt(z.string()),
  message: opt(z.string()),
});

export const runStatusSchema = z.looseObject({
  state: opt(z.string()),
  termination_details: opt(terminationDetailsSchema),
});
export type RunStatus = z.infer<typeof runStatusSchema>;

const clusterInstanceSchema = z.looseObject({ cluster_id: opt(z.string()), spark_context_id: opt(apiId) });

export const runTaskSchema = z.looseObject({
  run_id: apiId,
  task_key: opt(z.string()),
  description: opt(z.string()),
  state: opt(runStateSchema),
  status: opt(runStatusSchema),
  attempt_number: opt(z.number()),
  start_time: opt(epochMs),
  end_time: opt(epochMs),
  run_page_url: opt(z.string()),
  cluster_instance: opt(clusterInstanceSchema),
  existing_cluster_id: opt(z.string()),
  job_cluster_key: opt(z.string()),
  depends_on: opt(z.array(z.looseObject({ task_key: opt(z.string()) }))),
});
export type RunTask = z.infer<typeof runTaskSchema>;

export const repairHistoryItemSchema = z.looseObject({
  type: opt(z.string()),
  id: opt(apiId),
  start_time: opt(epochMs),
  end_time: opt(epochMs),
  state: opt(runStateSchema),
  status: opt(runStatusSchema),
  task_run_ids: opt(z.array(apiId)),
});

/** GET /api/2.1/jobs/runs/get */
export const runSchema = z.looseObject({
  run_id: apiId,
  job_id: opt(apiId),
  run_name: opt(z.string()),
  number_in_job: opt(apiId),
  original_attempt_run_id: opt(apiId),
  attempt_number: opt(z.number()),
  state: opt(runStateSchema),
  status: opt(runStatusSchema),
  start_time: opt(epochMs),
  end_time: opt(epochMs),
  run_page_url: opt(z.string()),
  run_type: opt(z.string()),
  trigger: opt(z.string()),
  cluster_instance: opt(clusterInstanceSchema),
  tasks: lenientArray(runTaskSchema),
  repair_history: lenientArray(repairHistoryItemSchema),
  /** runs/get paginates very large task lists (tasks > 100) */
  next_page_token: opt(z.string()),
});
export type Run = z.infer<typeof runSchema>;

/** POST /api/2.2/jobs/runs/repair */
export const repairAnswerSchema = z.looseObject({ repair_id: apiId });

/** GET /api/2.2/jobs/list: one page of jobs (BaseJob: job_id, settings.name, ...) */
export const jobListSchema = z.looseObject({
  jobs: lenientArray(z.looseObject({ job_id: apiId, settings: opt(z.looseObject({ name: opt(z.string()) })) })),
  has_more: opt(z.boolean()),
  next_page_token: opt(z.string()),
});
export type JobList = z.infer<typeof jobListSchema>;

/** POST /api/2.0/notification-destinations: the NotificationDestination (secrets answered only as *_set flags) */
export const notificationDestinationSchema = z.looseObject({
  id: z.string(),
  display_name: opt(z.string()),
  destination_type: opt(z.string()),
});

/** clusters/start, restart, resize answer an empty object */
export const emptyAnswerSchema = z.record(z.string(), z.unknown());

/** GET /api/2.1/jobs/runs/get-output (called per task run: parent multitask runs answer 400) */
export const runOutputSchema = z.looseObject({
  error: opt(z.string()),
  error_trace: opt(z.string()),
  logs: opt(z.string()),
  logs_truncated: opt(z.boolean()),
  info: opt(z.string()),
  notebook_output: opt(z.looseObject({ result: opt(z.string()), truncated: opt(z.boolean()) })),
  run_job_output: opt(z.looseObject({ run_id: opt(apiId) })),
  metadata: opt(z.looseObject({ run_id: opt(apiId), task_key: opt(z.string()), state: opt(runStateSchema) })),
});
export type RunOutput = z.infer<typeof runOutputSchema>;

export const terminationReasonSchema = z.looseObject({
  code: opt(z.string()),
  type: opt(z.string()),
  parameters: opt(stringMap),
});
export type TerminationReason = z.infer<typeof terminationReasonSchema>;

/** GET /api/2.0/clusters/get, and each entry of clusters/list */
export const clusterSchema = z.looseObject({
  cluster_id: z.string().min(1),
  cluster_name: opt(z.string()),
  state: opt(z.string()),
  state_message: opt(z.string()),
  cluster_source: opt(z.string()),
  start_time: opt(epochMs),
  terminated_time: opt(epochMs),
  last_restarted_time: opt(epochMs),
  last_state_loss_time: opt(epochMs),
  spark_version: opt(z.string()),
  node_type_id: opt(z.string()),
  creator_user_name: opt(z.string()),
  termination_reason: opt(terminationReasonSchema),
});
export type ClusterInfo = z.infer<typeof clusterSchema>;

/** GET /api/2.0/clusters/list (newer workspaces paginate with page_token) */
export const clusterListSchema = z.looseObject({
  clusters: lenientArray(clusterSchema),
  next_page_token: opt(z.string()),
});
export type ClusterList = z.infer<typeof clusterListSchema>;

export const clusterEventSchema = z.looseObject({
  cluster_id: opt(z.string()),
  timestamp: z.union([z.number(), z.string().regex(/^\d+$/)]).transform(Number),
  type: z.string(),
  details: z
    .looseObject({
      reason: opt(terminationReasonSchema),
      user: opt(z.string()),
      cause: opt(z.string()),
      driver_state_message: opt(z.string()),
      instance_id: opt(z.string()),
      current_num_workers: opt(z.number()),
      target_num_workers: opt(z.number()),
    })
    .optional()
    .catch(undefined),
});
export type ClusterEvent = z.infer<typeof clusterEventSchema>;

/** POST /api/2.0/clusters/events: legacy next_page (the next request) or next_page_token */
export const clusterEventsPageSchema = z.looseObject({
  events: lenientArray(clusterEventSchema),
  next_page: opt(z.record(z.string(), z.unknown())),
  next_page_token: opt(z.string()),
  total_count: opt(z.number()),
});
export type ClusterEventsPage = z.infer<typeof clusterEventsPageSchema>;

/** Library coordinates as the Libraries API spells them. */
export const libraryCoordinatesSchema = z.looseObject({
  jar: opt(z.string()),
  egg: opt(z.string()),
  whl: opt(z.string()),
  requirements: opt(z.string()),
  pypi: opt(z.looseObject({ package: z.string(), repo: opt(z.string()) })),
  maven: opt(z.looseObject({ coordinates: z.string(), repo: opt(z.string()), exclusions: opt(z.array(z.string())) })),
  cran: opt(z.looseObject({ package: z.string(), repo: opt(z.string()) })),
});
export type LibraryCoordinates = z.infer<typeof libraryCoordinatesSchema>;

export const libraryStatusSchema = z.looseObject({
  library: opt(libraryCoordinatesSchema),
  status: opt(z.string()),
  messages: opt(z.array(z.string())),
  is_library_for_all_clusters: opt(z.boolean()),
});
export type LibraryStatus = z.infer<typeof libraryStatusSchema>;

/** GET /api/2.0/libraries/cluster-status */
export const clusterLibraryStatusesSchema = z.looseObject({
  cluster_id: opt(z.string()),
  library_statuses: lenientArray(libraryStatusSchema),
});
export type ClusterLibraryStatuses = z.infer<typeof clusterLibraryStatusesSchema>;

/** The error envelope of every Databricks REST API. */
export const apiErrorSchema = z.looseObject({
  error_code: opt(z.string()),
  message: opt(z.string()),
  error: opt(z.string()),
});

/** "pypi:requests==2.31", "maven:com.x:y:1.0", "jar:dbfs:/x.jar": stable text for keys and messages. */
export function libraryCoordinatesKey(lib: LibraryCoordinates | undefined): string {
  if (!lib) return "unknown";
  if (lib.pypi) return `pypi:${lib.pypi.package}`;
  if (lib.maven) return `maven:${lib.maven.coordinates}`;
  if (lib.cran) return `cran:${lib.cran.package}`;
  if (lib.whl) return `whl:${lib.whl}`;
  if (lib.jar) return `jar:${lib.jar}`;
  if (lib.egg) return `egg:${lib.egg}`;
  if (lib.requirements) return `requirements:${lib.requirements}`;
  return "unknown";
}
