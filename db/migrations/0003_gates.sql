CREATE TABLE "gate_reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"initiative_id" text NOT NULL,
	"seq" integer NOT NULL,
	"stage" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"reminder_at" timestamp with time zone NOT NULL,
	"submitted_by" text NOT NULL,
	"chair" text NOT NULL,
	"eligible" jsonb NOT NULL,
	"recused" jsonb NOT NULL,
	"quorum" jsonb NOT NULL,
	"deliverables" jsonb NOT NULL,
	"policy_version" integer NOT NULL,
	"carried_comments" jsonb,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"extension" jsonb,
	"outcome" text,
	"signed_off_by" text,
	"sign_off_comment" text,
	"override" boolean,
	"decided_at" timestamp with time zone,
	"comments" jsonb,
	"withdrawn_at" timestamp with time zone,
	"projection_version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gate_votes" (
	"review_id" text NOT NULL,
	"position" integer NOT NULL,
	"user_id" text NOT NULL,
	"decision" text NOT NULL,
	"comment" text NOT NULL,
	"revision" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "gate_votes_review_id_position_pk" PRIMARY KEY("review_id","position")
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"business_line" text NOT NULL,
	"description" text NOT NULL,
	"team" text NOT NULL,
	"owner" text NOT NULL,
	"owner_name" text NOT NULL,
	"stage" text NOT NULL,
	"status" text NOT NULL,
	"next_version" integer,
	"current_review_id" text,
	"requested_changes" jsonb,
	"withdrawal" jsonb,
	"post_launch" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"projection_version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_launch_reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"initiative_id" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"complaint_count" integer NOT NULL,
	"threshold" integer NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"chair" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "gate_reviews_initiative_seq" ON "gate_reviews" USING btree ("initiative_id","seq");--> statement-breakpoint
CREATE INDEX "gate_reviews_live" ON "gate_reviews" USING btree ("status") WHERE status in ('open', 'escalated');--> statement-breakpoint
CREATE UNIQUE INDEX "gate_votes_member_revision" ON "gate_votes" USING btree ("review_id","user_id","revision");--> statement-breakpoint
CREATE INDEX "initiatives_created" ON "initiatives" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "initiatives_stage_status" ON "initiatives" USING btree ("stage","status");--> statement-breakpoint
CREATE INDEX "initiatives_team" ON "initiatives" USING btree ("team");--> statement-breakpoint
CREATE UNIQUE INDEX "post_launch_reviews_initiative" ON "post_launch_reviews" USING btree ("initiative_id");