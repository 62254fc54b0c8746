-- Citizen feedback (issue 12, docs/FEEDBACK.md): the "is it fixed?" message sent once after the
-- answer, and the routing table and response templates as data a unit admin edits, each save a
-- new version (who, when) — the rules stay pure functions of the version in force and the report.

ALTER TABLE feedback_reports ADD COLUMN follow_up_sent_at timestamptz;
COMMENT ON COLUMN feedback_reports.follow_up_sent_at IS 'When the reporter was asked "is it fixed?" (FEEDBACK_RULES.followUpDays after the answer); set in the transaction that writes the message, so one is sent per answer whatever the number of instances.';
CREATE INDEX feedback_reports_follow_up_idx ON feedback_reports (answered_at)
  WHERE fixed IS NULL AND status IN ('answered', 'closed');

CREATE TABLE feedback_settings_versions (
  id          uuid PRIMARY KEY,
  unit_id     uuid NOT NULL REFERENCES units(id),
  kind        text NOT NULL CHECK (kind IN ('routing', 'templates')),
  version     integer NOT NULL CHECK (version >= 1),
  data        jsonb NOT NULL,
  note        text NOT NULL DEFAULT '',
  created_by  uuid NOT NULL REFERENCES users(id),
  created_at  timestamptz NOT NULL,
  UNIQUE (unit_id, kind, version)
);
COMMENT ON TABLE feedback_settings_versions IS 'The routing table (category and area → department code) and the response templates of a unit, as data: each save by a unit admin is a new version with who and when (also in the audit log); the latest is in force; none saved means the defaults in src/domain/feedback.ts. data is validated by the zod schemas of src/domain/feedback-contract.ts on write and on read.';

CREATE TRIGGER feedback_settings_versions_append_only BEFORE UPDATE OR DELETE ON feedback_settings_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
