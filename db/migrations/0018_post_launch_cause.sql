ALTER TABLE "post_launch_reviews" ADD COLUMN "cause" text DEFAULT 'complaints' NOT NULL;--> statement-breakpoint
ALTER TABLE "post_launch_reviews" ADD COLUMN "nps" jsonb;