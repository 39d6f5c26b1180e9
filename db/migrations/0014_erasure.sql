CREATE TABLE "customer_data_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_ref" text NOT NULL,
	"wrapped_key" text,
	"master_key_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"erased_at" timestamp with time zone,
	"erasure_id" text
);
--> statement-breakpoint
CREATE TABLE "erasures" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"customer_ref" text NOT NULL,
	"status" text NOT NULL,
	"origin" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"view" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_holds" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_ref" text NOT NULL,
	"reason" text NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	"lifted_by" text,
	"lifted_at" timestamp with time zone,
	"lift_reason" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "customer_data_keys_live" ON "customer_data_keys" USING btree ("customer_ref") WHERE erased_at is null;--> statement-breakpoint
CREATE INDEX "customer_data_keys_customer" ON "customer_data_keys" USING btree ("customer_ref");--> statement-breakpoint
CREATE INDEX "customer_data_keys_master" ON "customer_data_keys" USING btree ("master_key_id");--> statement-breakpoint
CREATE INDEX "erasures_customer" ON "erasures" USING btree ("customer_ref","status");--> statement-breakpoint
CREATE INDEX "erasures_status" ON "erasures" USING btree ("status");--> statement-breakpoint
CREATE INDEX "erasures_requested" ON "erasures" USING btree ("requested_at","id");--> statement-breakpoint
CREATE INDEX "legal_holds_customer" ON "legal_holds" USING btree ("customer_ref","lifted_at");