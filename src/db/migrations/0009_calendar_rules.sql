-- Law as data, applied by date (issue 6 §4).
-- A saved year keeps the admin's edits apart from the pre-fill they were made on, so a rule that
-- comes into force later (24/11 switched on, a decision entered) reaches it; days_off/make_up_days
-- stay the snapshot of what was saved. Rows saved before this migration have no edits: their
-- snapshot is the year.
ALTER TABLE calendar_years ADD COLUMN IF NOT EXISTS edits jsonb;
COMMENT ON COLUMN calendar_years.edits IS 'The admin''s edits of the pre-fill: {removedDaysOff, removedMakeUp, daysOff, makeUpWorkingDays}; NULL for rows saved before 0009 (the snapshot is the year).';

CREATE TABLE IF NOT EXISTS holiday_switches (
  rule_id        text NOT NULL,
  version        integer NOT NULL,
  effective_from date,
  legal_basis    text NOT NULL,
  updated_by     uuid REFERENCES users(id),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (rule_id, version)
);
COMMENT ON TABLE holiday_switches IS 'Switchable holidays (src/domain/calendar/switchable.ts, e.g. 24/11 Ngày Văn hóa Việt Nam): each row a version; the highest is in force. effective_from NULL = present but not in force; a date = in force from that date, never before.';
