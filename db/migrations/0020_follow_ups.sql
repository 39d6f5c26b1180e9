CREATE TABLE "follow_ups" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"complaint_id" text NOT NULL,
	"status" text NOT NULL,
	"department" text NOT NULL,
	"supervisor_ids" jsonb NOT NULL,
	"department_head_id" text,
	"opened_at" timestamp with time zone NOT NULL,
	"due" timestamp with time zone NOT NULL,
	"due_state" text NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"outcome" text,
	"closed_at" timestamp with time zone,
	"view" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "follow_ups_open" ON "follow_ups" USING btree ("status","due");--> statement-breakpoint
CREATE INDEX "follow_ups_complaint" ON "follow_ups" USING btree ("complaint_id");