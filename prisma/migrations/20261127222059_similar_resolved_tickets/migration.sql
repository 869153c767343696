-- CreateIndex
CREATE INDEX "Ticket_source_resourceName_id_idx" ON "Ticket"("source", "resourceName", "id") WHERE (status = 'resolved');
