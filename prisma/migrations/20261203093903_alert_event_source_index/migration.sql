-- DropIndex
DROP INDEX "AlertEvent_receivedAt_idx";

-- CreateIndex
CREATE INDEX "AlertEvent_source_receivedAt_idx" ON "AlertEvent"("source", "receivedAt");
