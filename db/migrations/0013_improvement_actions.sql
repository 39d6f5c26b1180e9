CREATE TABLE "improvement_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"status" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text NOT NULL,
	"owner_department" text NOT NULL,
	"owner_id" text NOT NULL,
	"verifier_id" text,
	"raised_by" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"due" timestamp with time zone NOT NULL,
	"due_state" text NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"department_head_id" text,
	"chair_user_id" text,
	"closed_at" timestamp with time zone,
	"effectiveness" text,
	"view" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement_links" (
	"improvement_id" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	CONSTRAINT "improvement_links_improvement_id_entity_type_entity_id_pk" PRIMARY KEY("improvement_id","entity_type","entity_id")
);
--> statement-breakpoint
CREATE INDEX "improvement_actions_board" ON "improvement_actions" USING btree ("status","due");--> statement-breakpoint
CREATE INDEX "improvement_actions_source" ON "improvement_actions" USING btree ("source_kind","source_id");--> statement-breakpoint
CREATE INDEX "improvement_actions_owner" ON "improvement_actions" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "improvement_actions_department" ON "improvement_actions" USING btree ("owner_department");--> statement-breakpoint
CREATE INDEX "improvement_links_entity" ON "improvement_links" USING btree ("entity_type","entity_id");