// POST /api/tickets/bulk: acknowledge or resolve many tickets at once (the
// list's selection). Each ticket changes in its own transaction, exactly as
// one PATCH would (audit, Slack / Jira updates), so one missing ticket does
// not undo the others; the answer says what happened to each.
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { setTicketStatus } from "./update";

export const BULK_MAX = 200;

export const bulkBody = z
  .object({
    ids: z.array(z.string().min(1).max(100)).min(1).max(BULK_MAX),
    status: z.enum(["acknowledged", "resolved"]),
  })
  .strict();

export interface BulkResult {
  status: "acknowledged" | "resolved";
  changed: number;
  results: { id: string; ok: boolean; status?: string; error?: string }[];
}

export async function bulkSetStatus(ids: string[], status: BulkResult["status"], actor: string): Promise<BulkResult> {
  const results: BulkResult["results"] = [];
  for (const id of new Set(ids)) {
    try {
      // acknowledging a whole selection must not pull resolved tickets back open
      const current = await db().ticket.findUnique({ where: { id }, select: { status: true } });
      if (status === "acknowledged" && current?.status === "resolved") {
        results.push({ id, ok: false, status: "resolved", error: "already resolved: left as it is" });
        continue;
      }
      const t = await setTicketStatus(id, status, actor);
      results.push({ id, ok: true, status: t.status });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id, ok: false, error: err.message });
    }
  }
  return { status, changed: results.filter((r) => r.ok).length, results };
}
