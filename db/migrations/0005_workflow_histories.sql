CREATE TABLE "workflow_histories" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "workflow_histories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workflow_id" text NOT NULL,
	"run_id" text NOT NULL,
	"workflow_type" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone,
	"closed_at" timestamp with time zone NOT NULL,
	"event_count" integer NOT NULL,
	"history" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_histories_run" ON "workflow_histories" USING btree ("workflow_id","run_id");--> statement-breakpoint
CREATE INDEX "workflow_histories_entity" ON "workflow_histories" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "workflow_histories_closed_at" ON "workflow_histories" USING btree ("closed_at");