CREATE TABLE "incident_complaints" (
	"incident_id" text NOT NULL,
	"complaint_id" text NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "incident_complaints_incident_id_complaint_id_pk" PRIMARY KEY("incident_id","complaint_id")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"status" text NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"window_from" timestamp with time zone NOT NULL,
	"window_to" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	"baseline" real NOT NULL,
	"owner_id" text,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"next_step" text,
	"next_deadline" timestamp with time zone,
	"next_deadline_state" text,
	"complaint_count" integer DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	"input" jsonb NOT NULL,
	"view" jsonb,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_proposals" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"status" text NOT NULL,
	"proposed_by" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"chair_user_id" text,
	"deadline" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"base_version" integer NOT NULL,
	"view" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "root_cause" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "root_cause_group" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "product" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "agent_team" text;--> statement-breakpoint
CREATE INDEX "incident_complaints_complaint" ON "incident_complaints" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "incidents_key" ON "incidents" USING btree ("dimension","value","status");--> statement-breakpoint
CREATE INDEX "incidents_status" ON "incidents" USING btree ("status");--> statement-breakpoint
CREATE INDEX "incidents_raised" ON "incidents" USING btree ("raised_at","id");--> statement-breakpoint
CREATE INDEX "target_proposals_status" ON "target_proposals" USING btree ("status");--> statement-breakpoint
CREATE INDEX "target_proposals_proposed" ON "target_proposals" USING btree ("proposed_at","id");--> statement-breakpoint
CREATE INDEX "complaints_analysis" ON "complaints" USING btree ("received_at","root_cause_group","root_cause","product","channel");--> statement-breakpoint
CREATE INDEX "complaints_root_cause" ON "complaints" USING btree ("root_cause");--> statement-breakpoint
CREATE INDEX "complaints_product" ON "complaints" USING btree ("product");