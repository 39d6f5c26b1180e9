CREATE TABLE "meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"month" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"chair_user_id" text,
	"convened_at" timestamp with time zone NOT NULL,
	"signed_at" timestamp with time zone,
	"view" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "post_launch_reviews" ADD COLUMN "decision" text;--> statement-breakpoint
ALTER TABLE "post_launch_reviews" ADD COLUMN "meeting_id" text;--> statement-breakpoint
ALTER TABLE "post_launch_reviews" ADD COLUMN "decided_by" text;--> statement-breakpoint
ALTER TABLE "post_launch_reviews" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "post_launch_reviews" ADD COLUMN "decision_comment" text;--> statement-breakpoint
ALTER TABLE "post_launch_reviews" ADD COLUMN "action_id" text;--> statement-breakpoint
CREATE INDEX "meetings_month" ON "meetings" USING btree ("month","id");--> statement-breakpoint
CREATE INDEX "meetings_status" ON "meetings" USING btree ("status");