// Pipeline step 2: the root-cause analysis (rules, plus Gemini when configured).
// Also the handler of "Re-run RCA", which queues this job kind directly.
import type { JobContext } from "../../jobs/types";
import { runRca } from "../../rca/run";

export async function rcaStep({ job, db, log }: JobContext): Promise<void> {
  const ticketId = String(job.payload.ticketId ?? "");
  const out = await runRca(db, ticketId, log);
  if (!out) {
    log.warn("rca: ticket no longer exists");
    return;
  }
  log.info("RCA stored", { version: out.version, provider: out.record.provider, category: out.record.category });
}
