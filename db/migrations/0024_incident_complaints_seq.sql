-- incident_complaints.seq: the order the links were written in, so that writeIncidentRecord counts as of its own links (docs/incidents.md, "Linked complaints"). Old rows get
-- their numbers here: adding an identity column rewrites the table under an exclusive lock (seconds for a few hundred thousand links); the lock timeout makes a busy deploy fail fast and retry.
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
ALTER TABLE "incident_complaints" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "incident_complaints_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);
