-- Post-launch monitoring keeps a launched product's complaint links here, not in its workflow state (docs/gates.md, "Post-launch links"). A new table: nothing to lock.
CREATE TABLE "post_launch_links" (
	"initiative_id" text NOT NULL,
	"complaint_id" text NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "post_launch_links_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	CONSTRAINT "post_launch_links_initiative_id_complaint_id_linked_at_pk" PRIMARY KEY("initiative_id","complaint_id","linked_at")
);
