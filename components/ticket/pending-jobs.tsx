// Background work still running for this ticket, e.g. "Fetching exact error from Databricks… attempt 2, last error: 503".
import { useSources } from "@/components/sources-context";
import type { TicketDetailJson } from "@/lib/api/schemas";
import { jobLabel, jobProgress } from "@/lib/labels";
import { cn } from "../ui/cn";
import { Spinner } from "../ui/spinner";

type Job = TicketDetailJson["pendingJobs"][number];

function JobLine({ job, source }: { job: Job; source: string }) {
  const { name } = useSources();
  const failed = job.status === "failed";
  return (
    <li
      data-testid="pending-job"
      data-job-kind={job.kind}
      data-job-status={job.status}
      className={cn(
        "flex items-start gap-2",
        failed ? "text-red-800 dark:text-red-300" : "text-sky-900 dark:text-sky-200",
      )}
    >
      <span className="mt-0.5 w-3.5 shrink-0">
        {failed ? <span aria-hidden>✕</span> : <Spinner className="size-3" />}
      </span>
      <span className="min-w-0">
        <span className="mr-2 font-medium">
          {jobLabel(job.kind, name(source))}
          {failed ? ":" : "…"}
        </span>{" "}
        <span className="text-xs break-words opacity-80">
          {jobProgress(job)}
          {job.lastError ? (
            <>
              , last error: <span className="font-mono">{job.lastError}</span>
            </>
          ) : null}
        </span>
      </span>
    </li>
  );
}

export function PendingJobs({ jobs, source }: { jobs: Job[]; source: string }) {
  if (jobs.length === 0) return null;
  const anyFailed = jobs.some((job) => job.status === "failed");
  return (
    <div
      role="status"
      data-testid="pending-jobs"
      className={cn(
        "rounded-lg border px-4 py-2.5 text-sm",
        anyFailed
          ? "border-red-300 bg-red-50 dark:border-red-900 dark:bg-red-950/40"
          : "border-sky-200 bg-sky-50 dark:border-sky-900 dark:bg-sky-950/40",
      )}
    >
      <ul className="space-y-1">
        {jobs.map((job) => (
          <JobLine key={job.id} job={job} source={source} />
        ))}
      </ul>
    </div>
  );
}
