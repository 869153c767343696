// Enqueue jobs inside the caller's transaction, so a job exists exactly when
// the data that caused it was committed.
import type { Db, Tx } from "../db";
import { env } from "../env";
import { newId } from "../ids";
import type { Prisma } from "../generated/prisma/client";

export interface NewJob {
  kind: string;
  payload?: Record<string, unknown>;
  ticketId?: string | null;
  runAt?: Date;
  maxAttempts?: number;
  /** makes the enqueue idempotent: a second job with the same key is not created */
  uniqueKey?: string;
}

export async function enqueueJobs(tx: Tx | Db, jobs: NewJob[]): Promise<string[]> {
  if (jobs.length === 0) return [];
  const rows = jobs.map((j) => ({
    id: newId(),
    kind: j.kind,
    payload: (j.payload ?? {}) as Prisma.InputJsonValue,
    ticketId: j.ticketId ?? null,
    runAt: j.runAt ?? new Date(),
    maxAttempts: j.maxAttempts ?? env().JOB_MAX_ATTEMPTS,
    uniqueKey: j.uniqueKey ?? null,
  }));
  await tx.job.createMany({ data: rows, skipDuplicates: true });
  return rows.map((r) => r.id);
}

export async function enqueueJob(tx: Tx | Db, job: NewJob): Promise<string> {
  const [id] = await enqueueJobs(tx, [job]);
  return id;
}

export async function jobCounts(dbc: Db): Promise<{ pending: number; failed: number }> {
  const rows = await dbc.$queryRaw<{ pending: bigint | number; failed: bigint | number }[]>`
    SELECT count(*) FILTER (WHERE status IN ('pending', 'running')) AS pending,
           count(*) FILTER (WHERE status = 'failed') AS failed
    FROM "Job"
    -- recurring jobs (pollers, the notification digest) are always pending: they are not work waiting
    WHERE "uniqueKey" IS NULL OR "uniqueKey" NOT LIKE 'schedule:%'`;
  return { pending: Number(rows[0]?.pending ?? 0), failed: Number(rows[0]?.failed ?? 0) };
}
