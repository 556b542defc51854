-- CreateIndex
CREATE INDEX "IncidentComponent_incidentId_componentId_idx" ON "IncidentComponent"("incidentId", "componentId");

