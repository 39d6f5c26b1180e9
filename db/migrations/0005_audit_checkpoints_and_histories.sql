CREATE TABLE "audit_checkpoint_heads" (
	"checkpoint_id" bigint NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"seq" integer NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_checkpoint_heads_entity_type_entity_id_checkpoint_id_pk" PRIMARY KEY("entity_type","entity_id","checkpoint_id")
);
--> statement-breakpoint
CREATE TABLE "audit_checkpoints" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_checkpoints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"entity_count" integer NOT NULL,
	"heads_hash" text NOT NULL,
	"prev_checkpoint_hash" text,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_histories" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "workflow_histories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workflow_id" text NOT NULL,
	"run_id" text NOT NULL,
	"workflow_type" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone,
	"closed_at" timestamp with time zone NOT NULL,
	"event_count" integer NOT NULL,
	"history" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_checkpoint_heads" ADD CONSTRAINT "audit_checkpoint_heads_checkpoint_id_audit_checkpoints_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."audit_checkpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_checkpoints_prev" ON "audit_checkpoints" USING btree ("prev_checkpoint_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_checkpoints_first" ON "audit_checkpoints" USING btree (("prev_checkpoint_hash" is null)) WHERE "audit_checkpoints"."prev_checkpoint_hash" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_checkpoints_hash" ON "audit_checkpoints" USING btree ("hash");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_histories_run" ON "workflow_histories" USING btree ("workflow_id","run_id");--> statement-breakpoint
CREATE INDEX "workflow_histories_entity" ON "workflow_histories" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "workflow_histories_closed_at" ON "workflow_histories" USING btree ("closed_at");