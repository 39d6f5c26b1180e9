-- GET /incidents/{id}/complaints pages an incident's links in link order (docs/incidents.md). incident_complaints can be large and busy:
-- build the index before the deploy with CREATE INDEX CONCURRENTLY IF NOT EXISTS (the same statement), and this finds it (docs/operations.md, "indexes").
CREATE INDEX IF NOT EXISTS "incident_complaints_linked" ON "incident_complaints" USING btree ("incident_id","linked_at","complaint_id");
