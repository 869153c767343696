-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "keys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Incident_keys_idx" ON "Incident" USING GIN ("keys");

-- Incidents opened before: their one key is their key set
UPDATE "Incident" SET "keys" = ARRAY["key"] WHERE cardinality("keys") = 0;
