-- CreateIndex
CREATE INDEX "Ticket_lastSeenAt_id_idx" ON "Ticket"("lastSeenAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_duplicateCount_id_idx" ON "Ticket"("duplicateCount", "id");
