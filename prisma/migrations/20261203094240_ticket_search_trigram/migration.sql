-- Trigram indexes serve the tickets' free-text search (ILIKE '%q%' on six columns, lib/tickets/list.ts),
-- a bitmap OR of the six. pg_trgm ships with PostgreSQL (contrib; a trusted extension, so the database
-- owner may create it) and is loaded into PGlite by lib/db-thread/worker.ts. Their cost to intake is
-- measured in BENCHMARKS.md.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Ticket_errorMessage_trgm_idx" ON "Ticket" USING GIN ("errorMessage" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Ticket_title_trgm_idx" ON "Ticket" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Ticket_resourceName_trgm_idx" ON "Ticket" USING GIN ("resourceName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Ticket_runId_trgm_idx" ON "Ticket" USING GIN ("runId" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Ticket_errorCode_trgm_idx" ON "Ticket" USING GIN ("errorCode" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Ticket_scope_trgm_idx" ON "Ticket" USING GIN ("scope" gin_trgm_ops);
