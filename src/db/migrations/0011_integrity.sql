-- Integrity the database itself enforces (issue 7):
-- 1. dossier_events and audit_log are append-only: an UPDATE, DELETE or TRUNCATE is refused, for
--    every role and every code path. A correction is a new row.
-- 2. A dossier's status is one of the state machine's statuses (src/domain/dossier-state.ts,
--    STATUSES; tests/integration/integrity.test.ts checks that both lists agree).

CREATE FUNCTION refuse_change_to_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation',
          HINT = 'Rows of this table are never changed or removed; record a correction as a new row.';
END;
$$;
COMMENT ON FUNCTION refuse_change_to_append_only() IS 'Trigger function: refuses UPDATE, DELETE and TRUNCATE on append-only tables.';

CREATE TRIGGER dossier_events_append_only
  BEFORE UPDATE OR DELETE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER dossier_events_no_truncate
  BEFORE TRUNCATE ON dossier_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();

COMMENT ON TABLE dossier_events IS 'Append-only log of every action on a dossier (who, when, comment, attachments). UPDATE, DELETE and TRUNCATE are refused by trigger.';
COMMENT ON TABLE audit_log IS 'Who did or read what, written in the same transaction as the action (Decree 13/2023 processing log). Append-only: UPDATE, DELETE and TRUNCATE are refused by trigger.';

-- One list of statuses for every column that holds one: a new status is one ALTER DOMAIN.
-- supplement_proposed comes with 0008_legal_clock, which widens this domain itself on a database
-- that applied this file before it.
CREATE DOMAIN dossier_status AS text CONSTRAINT dossier_status_known CHECK (VALUE IN (
  'submitted', 'received', 'refused', 'in_review', 'consulting', 'awaiting_approval', 'approved',
  'supplement_proposed', 'supplement_requested', 'awaiting_payment', 'withdrawn', 'stopped', 'result_ready', 'returned'
));
ALTER TABLE dossiers ALTER COLUMN status TYPE dossier_status;
ALTER TABLE dossiers ALTER COLUMN resume_status TYPE dossier_status;
ALTER TABLE dossier_events ALTER COLUMN from_status TYPE dossier_status;
ALTER TABLE dossier_events ALTER COLUMN to_status TYPE dossier_status;
