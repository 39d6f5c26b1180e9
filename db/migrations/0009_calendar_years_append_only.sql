-- Imported holiday schedules keep their history: a new import adds a version, and the database
-- itself refuses to change or remove one (the function is 0006's, shared by append-only tables).
CREATE TRIGGER calendar_years_no_update BEFORE UPDATE ON calendar_years
  FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
CREATE TRIGGER calendar_years_no_delete BEFORE DELETE ON calendar_years
  FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
CREATE TRIGGER calendar_years_no_truncate BEFORE TRUNCATE ON calendar_years
  FOR EACH STATEMENT EXECUTE FUNCTION append_only_refuse_change();
