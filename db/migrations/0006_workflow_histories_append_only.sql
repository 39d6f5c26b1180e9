-- Archived histories are evidence too: append-only (append_only_refuse_change, migration 0004).
-- Removing them after the retention period (≥ 3 years) is a deliberate DBA operation.
CREATE TRIGGER workflow_histories_no_update BEFORE UPDATE ON workflow_histories
  FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
CREATE TRIGGER workflow_histories_no_delete BEFORE DELETE ON workflow_histories
  FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
CREATE TRIGGER workflow_histories_no_truncate BEFORE TRUNCATE ON workflow_histories
  FOR EACH STATEMENT EXECUTE FUNCTION append_only_refuse_change();
