-- CreateIndex
CREATE INDEX "Ticket_severity_id_idx" ON "Ticket"("severity", "id");
