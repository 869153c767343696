// Recurring job: the audit trail's append-only copy in Azure Blob Storage
// (AUDIT_BLOB_*). Written here, never by the action itself, so a storage
// outage never blocks or slows an acknowledgement, a fix or a sign-in.
import { auditContainer, auditSinkConfigured } from "../../audit/blob-sink/client";
import { shipAuditRound } from "../../audit/blob-sink/ship";
import { env } from "../../env";
import type { JobContext, JobResult } from "../../jobs/types";

export async function auditSinkStep({ db, log, signal }: JobContext): Promise<JobResult> {
  const e = env();
  if (!auditSinkConfigured(e)) return; // switched off: the schedule ends here
  const interval = e.AUDIT_BLOB_INTERVAL_SECONDS * 1000;
  try {
    for (let round = 0; round < 20 && !signal.aborted; round++) {
      const r = await shipAuditRound(db, auditContainer(e));
      if (r.appended || r.recovered) log.info("audit entries shipped to Blob Storage", { ...r });
      if (!r.more) break;
    }
  } catch (err) {
    // entries stay unexported and go with a later round
    log.warn("audit sink: Blob Storage unavailable, will retry", {
      err: err instanceof Error ? err.message : String(err),
    });
  }
  return { rescheduleInMs: interval };
}
