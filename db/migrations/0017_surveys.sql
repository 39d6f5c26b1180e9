CREATE TABLE "survey_invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"source_key" text NOT NULL,
	"contact_type" text NOT NULL,
	"contact_id" text NOT NULL,
	"campaign_id" text,
	"product" text NOT NULL,
	"channel" text NOT NULL,
	"department" text NOT NULL,
	"agent_id" text,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "survey_invitations_source_key_unique" UNIQUE("source_key")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" text PRIMARY KEY NOT NULL,
	"invitation_id" text,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"contact_type" text NOT NULL,
	"contact_id" text NOT NULL,
	"product" text NOT NULL,
	"channel" text NOT NULL,
	"department" text NOT NULL,
	"agent_id" text,
	"reached" boolean NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"csat" integer,
	"nps" integer,
	"verbatim" text,
	"detractor" boolean NOT NULL,
	"recorded_by" text,
	"responded_at" timestamp with time zone NOT NULL,
	"follow_up_id" text,
	CONSTRAINT "survey_responses_invitation_id_unique" UNIQUE("invitation_id")
);
--> statement-breakpoint
CREATE INDEX "survey_invitations_contact" ON "survey_invitations" USING btree ("contact_type","contact_id");--> statement-breakpoint
CREATE INDEX "survey_invitations_campaign" ON "survey_invitations" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "survey_responses_month" ON "survey_responses" USING btree ("responded_at");--> statement-breakpoint
CREATE INDEX "survey_responses_contact" ON "survey_responses" USING btree ("contact_type","contact_id");--> statement-breakpoint
CREATE INDEX "survey_responses_follow_up" ON "survey_responses" USING btree ("detractor","follow_up_id");