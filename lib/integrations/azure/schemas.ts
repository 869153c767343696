// zod schemas for the ADF REST answers we read (api-version 2018-06-01).
// Deliberately forgiving: only ids are required; any other field may be
// missing, null, or of a surprising type (errorCode is an int in some docs).
import { z } from "zod";

const text = z
  .unknown()
  .optional()
  .transform((v): string | null => {
    if (typeof v === "string") return v;
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    return null;
  });

const num = z
  .unknown()
  .optional()
  .transform((v): number | null => {
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
    return null;
  });

const record = z
  .unknown()
  .optional()
  .transform((v): Record<string, unknown> =>
    v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {},
  );

const invokedBy = z
  .object({
    id: text,
    name: text,
    invokedByType: text,
    pipelineName: text,
    pipelineRunId: text,
  })
  .nullable()
  .catch(null);

export const pipelineRunSchema = z.object({
  runId: z.string().min(1),
  pipelineName: text,
  parameters: record,
  invokedBy: z.unknown().optional().pipe(invokedBy),
  runStart: text,
  runEnd: text,
  lastUpdated: text,
  durationInMs: num,
  status: text,
  message: text,
  runGroupId: text,
  isLatest: z
    .unknown()
    .optional()
    .transform((v) => (typeof v === "boolean" ? v : null)),
});
export type PipelineRun = z.infer<typeof pipelineRunSchema>;

const activityError = z
  .object({ errorCode: text, message: text, failureType: text, target: text })
  .nullable()
  .catch(null);

/** ExecutePipeline puts the child run in its output; nothing else of output/input is kept (they can hold secrets). */
const childRun = z
  .unknown()
  .optional()
  .transform((v) => {
    const o = v && typeof v === "object" ? (v as Record<string, unknown>) : {};
    const id = o.pipelineRunId;
    const name = o.pipelineName;
    return {
      pipelineRunId: typeof id === "string" && id ? id : null,
      pipelineName: typeof name === "string" ? name : null,
    };
  });

export const activityRunSchema = z.object({
  activityRunId: text,
  activityName: text,
  activityType: text,
  pipelineName: text,
  pipelineRunId: text,
  status: text,
  activityRunStart: text,
  activityRunEnd: text,
  durationInMs: num,
  retryAttempt: num,
  error: z.unknown().optional().pipe(activityError),
  output: childRun,
});
export type ActivityRun = z.infer<typeof activityRunSchema>;

/** Item-level tolerance: one malformed run must not hide the others. */
export const queryPageSchema = z.object({
  value: z.array(z.unknown()),
  continuationToken: text,
});

export const factorySchema = z.object({
  id: text,
  name: text,
  location: text,
  properties: z
    .unknown()
    .optional()
    .transform((v) => {
      const o = v && typeof v === "object" ? (v as Record<string, unknown>) : {};
      return { provisioningState: typeof o.provisioningState === "string" ? o.provisioningState : null };
    }),
});
export type Factory = z.infer<typeof factorySchema>;

/** Pipelines - Create Run answer */
export const createRunAnswerSchema = z.object({ runId: z.string().min(1) });

export const armErrorSchema = z.object({
  error: z.object({ code: text, message: text }),
});
