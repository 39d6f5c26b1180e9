CREATE TABLE "feedback_items" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"owner_id" text NOT NULL,
	"department" text,
	"team_lead_id" text,
	"initiative_owner_id" text,
	"received_at" timestamp with time zone NOT NULL,
	"due" timestamp with time zone,
	"due_state" text,
	"answered_at" timestamp with time zone,
	"credit_kind" text,
	"credit_id" text,
	"complaint_id" text,
	"from_complaint_id" text,
	"closed_at" timestamp with time zone,
	"view" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "feedback_items_received" ON "feedback_items" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "feedback_items_status" ON "feedback_items" USING btree ("status","kind");--> statement-breakpoint
CREATE INDEX "feedback_items_owner" ON "feedback_items" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "feedback_items_department" ON "feedback_items" USING btree ("department");--> statement-breakpoint
CREATE INDEX "feedback_items_from_complaint" ON "feedback_items" USING btree ("from_complaint_id");