// Setup → Databricks → "Apply": with this server's Databricks token, list the
// workspace's jobs and make the calls the generator prints (one generic-webhook
// notification destination to the intake URL with the webhook key as the Basic
// password, then jobs/update per chosen job), reporting each call's answer.
// The key goes to Databricks only; it is never part of an answer or a log.
import { z } from "zod";
import { env } from "../env";
import { AppError } from "../errors";
import { clientForWorkspace, databricksConfigFromEnv } from "../integrations/databricks/workspaces";
import { watchedWorkspaces } from "../sources/databricks/watch";
import { jobUpdateRequest, notificationDestinationRequest } from "./databricks";

export const applyBody = z
  .object({
    /** the intake URL Databricks will post to (the page sends its own origin's /api/databricks-monitor) */
    url: z.url().refine((u) => /^https?:\/\//.test(u), "an http(s) URL"),
    jobIds: z.array(z.string().regex(/^\d{1,20}$/, "a job id is a number")).max(200),
    workspace: z.string().max(100).optional(),
  })
  .strict();

export interface ApplyCall {
  call: string;
  ok: boolean;
  httpStatus: number | null;
  message: string;
}

function client(workspace?: string) {
  const ids = watchedWorkspaces();
  const id = workspace ?? (ids.length === 1 ? ids[0] : null);
  if (!id)
    throw new AppError(
      "bad_request",
      ids.length
        ? `Several workspaces are configured (${ids.join(", ")}): say which one.`
        : "No Databricks token is configured: set DATABRICKS_HOST and DATABRICKS_TOKEN (or DATABRICKS_WORKSPACES).",
    );
  const resolved = clientForWorkspace(id, databricksConfigFromEnv(env()));
  if (!resolved.ok) throw new AppError("bad_request", resolved.message);
  return { workspace: id, client: resolved.client };
}

export async function listDatabricksJobs(workspace?: string) {
  const { workspace: id, client: c } = client(workspace);
  const r = await c.listJobs();
  if (!r.ok) throw new AppError("service_unavailable", `jobs/list failed: ${r.message}`);
  return { workspace: id, jobs: r.value };
}

/** `key`: the CLI's --key; the server uses its own (RCA_API_KEY_DATABRICKS, else RCA_API_KEY). */
export async function applyDatabricksSetup(
  input: z.infer<typeof applyBody>,
  opts: { key?: string } = {},
): Promise<{ workspace: string; calls: ApplyCall[] }> {
  const { workspace, client: c } = client(input.workspace);
  const e = env();
  const key = opts.key ?? e.sourceApiKeys.databricks ?? e.RCA_API_KEY;
  if (!key)
    throw new AppError("bad_request", "Set RCA_API_KEY (or RCA_API_KEY_DATABRICKS) first: Databricks must send a key.");
  const calls: ApplyCall[] = [];
  const dest = notificationDestinationRequest({ url: input.url, key });
  const created = await c.createNotificationDestination(dest.body);
  calls.push({
    call: `POST ${dest.path}`,
    ok: created.ok,
    httpStatus: created.info.status,
    message: created.ok
      ? `destination ${created.value.id} (${input.url}, Basic auth with the webhook key)`
      : created.message,
  });
  if (!created.ok) return { workspace, calls };
  for (const jobId of input.jobIds) {
    const update = jobUpdateRequest(jobId, created.value.id);
    const r = await c.updateJob(update.body);
    calls.push({
      call: `POST ${update.path} (job ${jobId})`,
      ok: r.ok,
      httpStatus: r.info.status,
      message: r.ok ? "failures and successes of this job now go to RCA Desk" : r.message,
    });
  }
  return { workspace, calls };
}
