// Header health indicator: database, job queue and worker at a glance; details on hover.
import type { z } from "zod";
import type { healthJson } from "@/lib/api/schemas";
import { cn } from "../ui/cn";

type Health = z.infer<typeof healthJson>;

type Level = "ok" | "warn" | "down" | "unknown";

function levelOf(health: Health | undefined, failed: boolean): Level {
  if (failed) return "down";
  if (!health) return "unknown";
  if (health.status === "error" || health.db === "error") return "down";
  if (health.status === "degraded" || (health.jobs?.failed ?? 0) > 0 || health.worker === "disabled") return "warn";
  return "ok";
}

const DOT: Record<Level, string> = {
  ok: "bg-emerald-500",
  warn: "bg-amber-500",
  down: "bg-red-500 animate-pulse",
  unknown: "bg-zinc-400",
};

export function HealthBadge({ health, error }: { health: Health | undefined; error: string | null }) {
  const level = levelOf(health, error !== null);
  const jobs = health?.jobs;
  const summary =
    error !== null
      ? "Server unreachable"
      : !health
        ? "Checking…"
        : health.db === "error"
          ? "Database down"
          : level === "warn"
            ? health.status === "degraded"
              ? "Degraded"
              : health.worker === "disabled"
                ? "Worker off"
                : "Jobs failing"
            : "Healthy";
  const title = [
    error ?? null,
    health ? `Database: ${health.db}` : null,
    jobs ? `Jobs: ${jobs.pending} pending, ${jobs.failed} failed` : null,
    health?.worker ? `Worker: ${health.worker}` : null,
  ]
    .filter(Boolean)
    .join(" · ");

  return (
    <div
      role="status"
      data-testid="health-indicator"
      data-health={level}
      title={title || undefined}
      className="flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400"
    >
      <span aria-hidden className={cn("size-2 rounded-full", DOT[level])} />
      <span className={cn("font-medium whitespace-nowrap", level === "down" && "text-red-700 dark:text-red-400")}>
        {summary}
      </span>
      {jobs ? (
        <span className="hidden sm:inline">
          · {jobs.pending} pending
          {jobs.failed > 0 ? (
            <span className="font-medium text-amber-700 dark:text-amber-400">
              {" "}
              · {jobs.failed} failed job{jobs.failed === 1 ? "" : "s"}
            </span>
          ) : null}
        </span>
      ) : null}
      {health?.unauthenticatedIntake?.length ? (
        <a
          href="/setup"
          className="font-medium whitespace-nowrap text-red-700 dark:text-red-400"
          title={`Webhooks of ${health.unauthenticatedIntake.join(", ")} accept anyone: set RCA_API_KEY`}
          data-testid="unauthenticated-intake"
        >
          · unauthenticated intake
        </a>
      ) : null}
    </div>
  );
}
