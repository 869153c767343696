-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "exportedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "AuditLog_id_idx" ON "AuditLog"("id") WHERE ("exportedAt" IS NULL);
