CREATE TABLE "reports" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by" text NOT NULL,
	"workflow_id" text NOT NULL,
	"content" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "first_response_state" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "first_response_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "resolution_breached" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "feedback_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "satisfied_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "is_repeat" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "breach_levels" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "open_clocks" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "handling_working_ms" bigint;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "facts_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "reports_kind_period" ON "reports" USING btree ("kind","period");--> statement-breakpoint
CREATE INDEX "reports_kind_start" ON "reports" USING btree ("kind","period_start");--> statement-breakpoint
CREATE INDEX "gate_reviews_opened" ON "gate_reviews" USING btree ("opened_at");--> statement-breakpoint
CREATE INDEX "gate_reviews_decided" ON "gate_reviews" USING btree ("decided_at") WHERE decided_at is not null;--> statement-breakpoint
CREATE INDEX "gate_reviews_escalated" ON "gate_reviews" USING btree ("escalated_at") WHERE escalated_at is not null;--> statement-breakpoint
CREATE INDEX "complaints_kpi" ON "complaints" USING btree ("received_at","category","channel","severity","initiative_id","status","first_response_state","resolved_at","resolution_breached","feedback_count","satisfied_count","reopen_count","is_repeat","closed_at","handling_working_ms","breached","breach_levels");--> statement-breakpoint
CREATE INDEX "complaints_facts_stale" ON "complaints" USING btree ("facts_version");--> statement-breakpoint
CREATE INDEX "complaints_open" ON "complaints" USING btree ("id") WHERE status <> 'closed';