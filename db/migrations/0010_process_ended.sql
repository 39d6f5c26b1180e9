ALTER TABLE "initiatives" ADD COLUMN "process_ended" jsonb;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "process_ended" jsonb;