// Recurring jobs are one row each in the job table: scheduled once, re-armed after they finished.
import { afterAll, describe, expect, it } from "vitest";
import { setEnv } from "../env";
import { createTestDatabase } from "../testing/db";
import { SOURCES } from "../sources/registry";
import { ensureSchedules } from "./schedules";

const watcher = SOURCES.databricks.poller!;

const t = await createTestDatabase();
afterAll(() => t.drop());

describe("recurring jobs", () => {
  it("schedules the cluster watcher once, and re-arms it after it finished", async () => {
    setEnv({ DATABRICKS_WATCH_CLUSTERS: "true" });
    try {
      await ensureSchedules(t.prisma);
      await ensureSchedules(t.prisma);
      const rows = await t.prisma.job.findMany({ where: { uniqueKey: watcher.scheduleKey } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: watcher.jobKind });
      // e.g. it ran while the setting was off and finished
      await t.prisma.job.update({
        where: { id: rows[0].id },
        data: { status: "succeeded", runAt: new Date(Date.now() + 3_600_000) },
      });
      await ensureSchedules(t.prisma);
      const again = await t.prisma.job.findUniqueOrThrow({ where: { id: rows[0].id } });
      expect(again.status).toBe("pending");
      expect(again.runAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    } finally {
      setEnv({ DATABRICKS_WATCH_CLUSTERS: "false" });
    }
  });
});
