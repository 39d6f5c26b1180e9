CREATE TABLE "complaint_customers" (
	"complaint_id" text PRIMARY KEY NOT NULL,
	"customer_ref" text NOT NULL,
	"name_enc" text NOT NULL,
	"phone_enc" text NOT NULL,
	"id_number_enc" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"severity" text NOT NULL,
	"customer_ref" text NOT NULL,
	"initiative_id" text,
	"received_at" timestamp with time zone NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" text NOT NULL,
	"agent_id" text NOT NULL,
	"department" text,
	"escalation_level" integer NOT NULL,
	"breached" boolean NOT NULL,
	"chair_user_id" text,
	"signed_off" boolean NOT NULL,
	"next_deadline" timestamp with time zone,
	"next_deadline_state" text,
	"reopen_count" integer NOT NULL,
	"repeat_of" jsonb NOT NULL,
	"policy_version" integer NOT NULL,
	"closed_at" timestamp with time zone,
	"view" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "complaints_list" ON "complaints" USING btree ("received_at","id");--> statement-breakpoint
CREATE INDEX "complaints_status" ON "complaints" USING btree ("status");--> statement-breakpoint
CREATE INDEX "complaints_severity" ON "complaints" USING btree ("severity");--> statement-breakpoint
CREATE INDEX "complaints_category" ON "complaints" USING btree ("category");--> statement-breakpoint
CREATE INDEX "complaints_owner" ON "complaints" USING btree ("owner_kind","owner_id");--> statement-breakpoint
CREATE INDEX "complaints_agent" ON "complaints" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "complaints_department" ON "complaints" USING btree ("department");--> statement-breakpoint
CREATE INDEX "complaints_breached" ON "complaints" USING btree ("breached");--> statement-breakpoint
CREATE INDEX "complaints_initiative" ON "complaints" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "complaints_escalation" ON "complaints" USING btree ("escalation_level");--> statement-breakpoint
CREATE INDEX "complaints_customer" ON "complaints" USING btree ("customer_ref","received_at");