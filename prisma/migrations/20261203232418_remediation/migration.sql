-- DropIndex
DROP INDEX "Remediation_ticketId_idx";

-- AlterTable
ALTER TABLE "Remediation" ADD COLUMN     "actor" TEXT,
ADD COLUMN     "error" TEXT,
ADD COLUMN     "mode" TEXT NOT NULL DEFAULT 'dry_run',
ADD COLUMN     "newRunId" TEXT,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "request" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "resourceKey" TEXT,
ADD COLUMN     "ruleId" TEXT,
ADD COLUMN     "runUrl" TEXT,
ADD COLUMN     "startedAt" TIMESTAMPTZ(3),
ADD COLUMN     "target" TEXT;

-- CreateTable
CREATE TABLE "RemediationRule" (
    "id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "source" TEXT,
    "category" TEXT,
    "classOrCode" TEXT,
    "namePattern" TEXT,
    "tag" TEXT,
    "mode" TEXT NOT NULL,
    "playbookUrl" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RemediationRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RemediationBreaker" (
    "target" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'closed',
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "openedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RemediationBreaker_pkey" PRIMARY KEY ("target")
);

-- CreateIndex
CREATE INDEX "Remediation_resourceKey_createdAt_idx" ON "Remediation"("resourceKey", "createdAt");

-- CreateIndex
CREATE INDEX "Remediation_createdAt_idx" ON "Remediation"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Remediation_ticketId_attempt_key" ON "Remediation"("ticketId", "attempt");
