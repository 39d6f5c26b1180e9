-- Checkpoints are evidence like the audit events: append-only, refused by the database itself
-- (see 0001_audit_append_only.sql). One function for every append-only table, naming it.
CREATE OR REPLACE FUNCTION append_only_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_heads_no_update BEFORE UPDATE ON audit_checkpoint_heads
  FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_heads_no_delete BEFORE DELETE ON audit_checkpoint_heads
  FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_heads_no_truncate BEFORE TRUNCATE ON audit_checkpoint_heads
  FOR EACH STATEMENT EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
-- Archived histories are evidence too: append-only (append_only_refuse_change, above).
-- Removing them after the retention period (≥ 3 years) is a deliberate DBA operation.
CREATE TRIGGER workflow_histories_no_update BEFORE UPDATE ON workflow_histories
  FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
CREATE TRIGGER workflow_histories_no_delete BEFORE DELETE ON workflow_histories
  FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
CREATE TRIGGER workflow_histories_no_truncate BEFORE TRUNCATE ON workflow_histories
  FOR EACH STATEMENT EXECUTE FUNCTION append_only_refuse_change();
