-- The tickets' free-text search, off the intake path (lib/tickets/search-index.ts). pg_trgm ships with PostgreSQL
-- (contrib; a trusted extension, so the database owner may create it) and is loaded into PGlite by
-- lib/db-thread/worker.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "TicketSearch" (
    "ticketId" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "TicketSearch_pkey" PRIMARY KEY ("ticketId")
);

-- CreateIndex
CREATE INDEX "TicketSearch_text_trgm_idx" ON "TicketSearch" USING GIN ("text" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "TicketSearch" ADD CONSTRAINT "TicketSearch_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tickets stored before: searchable at once
INSERT INTO "TicketSearch" ("ticketId", "text")
SELECT id, concat_ws(E'\n', title, "errorMessage", "resourceName", "runId", "errorCode", scope) FROM "Ticket";
