"use client";
// Setup → Databricks → "Apply with this server's token": load the workspace's jobs, tick the ones whose failures
// should come here, and let the server make the calls (notification destination, then jobs/update per job). Each
// call's answer is shown; the webhook key never leaves the server except to Databricks.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { fetchJson } from "@/lib/queries/fetch-json";
import { Button } from "../ui/button";

const jobsJson = z.object({ workspace: z.string(), jobs: z.array(z.object({ jobId: z.string(), name: z.string() })) });
const applyJson = z.object({
  workspace: z.string(),
  calls: z.array(
    z.object({ call: z.string(), ok: z.boolean(), httpStatus: z.number().nullable(), message: z.string() }),
  ),
});

export function DatabricksApply({ intakeUrl }: { intakeUrl: string }) {
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const jobs = useMutation({ mutationFn: () => fetchJson("/api/setup/databricks/jobs", jobsJson) });
  const apply = useMutation({
    mutationFn: () =>
      fetchJson("/api/setup/databricks/apply", applyJson, {
        method: "POST",
        json: { url: intakeUrl, jobIds: [...picked] },
      }),
  });
  const toggle = (id: string) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div
      className="mt-3 space-y-2 rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800"
      data-testid="dbx-apply"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">Apply with this server&apos;s Databricks token</span>
        <Button size="sm" onClick={() => jobs.mutate()} disabled={jobs.isPending} data-testid="dbx-load-jobs">
          {jobs.isPending ? "Loading…" : jobs.data ? "Reload jobs" : "Choose jobs"}
        </Button>
      </div>
      {jobs.error ? <p className="text-red-700 dark:text-red-400">{jobs.error.message}</p> : null}
      {jobs.data ? (
        jobs.data.jobs.length === 0 ? (
          <p className="text-zinc-500">Workspace {jobs.data.workspace} has no jobs.</p>
        ) : (
          <>
            <ul className="max-h-56 space-y-1 overflow-auto" data-testid="dbx-jobs">
              {jobs.data.jobs.map((j) => (
                <li key={j.jobId}>
                  <label className="flex items-center gap-2">
                    <input type="checkbox" checked={picked.has(j.jobId)} onChange={() => toggle(j.jobId)} />
                    {j.name} <span className="font-mono text-xs text-zinc-500">{j.jobId}</span>
                  </label>
                </li>
              ))}
            </ul>
            <Button
              size="sm"
              variant="primary"
              onClick={() => apply.mutate()}
              disabled={apply.isPending || picked.size === 0}
              data-testid="dbx-apply-button"
            >
              {apply.isPending
                ? "Applying…"
                : `Send the failures of ${picked.size} job${picked.size === 1 ? "" : "s"} here`}
            </Button>
          </>
        )
      ) : (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Creates one notification destination posting to {intakeUrl} (HTTP Basic, the webhook key as password) and adds
          it to the jobs you choose, for failures and successes. Needs a workspace admin token.
        </p>
      )}
      {apply.error ? <p className="text-red-700 dark:text-red-400">{apply.error.message}</p> : null}
      {apply.data ? (
        <ul className="space-y-0.5" data-testid="dbx-apply-result">
          {apply.data.calls.map((c) => (
            <li
              key={c.call}
              className={c.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}
            >
              {c.ok ? "✓" : "✗"} {c.call} → {c.httpStatus ?? "no answer"}: {c.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
