-- Citizen feedback and petitions (phản ánh, kiến nghị; issue 12, docs/FEEDBACK.md): reports on the
-- ward map, the Decree 20/2008 steps as an append-only event log with a projection, photos with
-- their metadata stripped, drafts waiting for a reporter's one-time code, and Open311 API keys.
-- Deadlines, routing, duplicates and the indicators are pure rules in src/domain/feedback.ts.

-- A photo of a report sent by someone without an account has no uploader account.
ALTER TABLE uploads ALTER COLUMN uploaded_by DROP NOT NULL;

CREATE TABLE feedback_reports (
  id                 uuid PRIMARY KEY,
  unit_id            uuid NOT NULL REFERENCES units(id),
  code               text NOT NULL UNIQUE,
  category           text NOT NULL,
  description        text NOT NULL,
  public_description text NOT NULL,
  lat                double precision CHECK (lat IS NULL OR (lat BETWEEN -90 AND 90)),
  lon                double precision CHECK (lon IS NULL OR (lon BETWEEN -180 AND 180)),
  address            text NOT NULL DEFAULT '',
  area_code          text,
  status             text NOT NULL CHECK (status IN ('received', 'forwarded', 'in_progress', 'answered', 'closed', 'rejected', 'merged')),
  channel            text NOT NULL CHECK (channel IN ('portal', 'open311')),
  reporter_id        uuid REFERENCES users(id),
  reporter_name      text NOT NULL DEFAULT '',
  reporter_phone     text,
  reporter_email     text,
  follow_token_hash  text,
  department_id      uuid REFERENCES departments(id),
  assignee_id        uuid REFERENCES users(id),
  received_at        timestamptz NOT NULL,
  forward_due_at     timestamptz NOT NULL,
  forwarded_at       timestamptz,
  due_at             timestamptz NOT NULL,
  answered_at        timestamptz,
  answer             text,
  closed_at          timestamptz,
  merged_into        uuid REFERENCES feedback_reports(id),
  rating             smallint CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
  rated_at           timestamptz,
  fixed              boolean,
  reopen_count       integer NOT NULL DEFAULT 0,
  updated_at         timestamptz NOT NULL,
  version            integer NOT NULL DEFAULT 1,
  CHECK (reporter_id IS NOT NULL OR reporter_phone IS NOT NULL OR reporter_email IS NOT NULL OR channel = 'open311')
);
CREATE INDEX feedback_reports_unit_idx ON feedback_reports (unit_id, received_at DESC);
CREATE INDEX feedback_reports_open_idx ON feedback_reports (category, status) WHERE status IN ('received', 'forwarded', 'in_progress');
CREATE INDEX feedback_reports_reporter_idx ON feedback_reports (reporter_id) WHERE reporter_id IS NOT NULL;
COMMENT ON TABLE feedback_reports IS 'Citizen feedback and petitions (phản ánh, kiến nghị, Decree 20/2008): the projection of each report''s state, updated in the transaction of its event. description is the reporter''s text (officials only); public_description is what the public list shows (moderated: personal data removed). forward_due_at (5 working days) and due_at (the answer) are computed on the ward calendar at receipt. The reporter (an account, or a phone/email proven by a one-time code) is shown only to the officials handling it.';

CREATE TABLE feedback_events (
  id          bigserial PRIMARY KEY,
  report_id   uuid NOT NULL REFERENCES feedback_reports(id),
  at          timestamptz NOT NULL,
  actor_id    uuid REFERENCES users(id),
  action      text NOT NULL,
  internal    boolean NOT NULL DEFAULT false,
  note        text NOT NULL DEFAULT '',
  data        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX feedback_events_report_idx ON feedback_events (report_id, id);
COMMENT ON TABLE feedback_events IS 'Append-only log of every step of a report (receive, forward, assign, note, answer, moderate, merge, reject, reopen, rate, archive): who, when, the note, and whether it is internal (never shown to the public or the reporter). Moderation events keep their reason.';

CREATE TRIGGER feedback_events_append_only BEFORE UPDATE OR DELETE ON feedback_events
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER feedback_events_no_truncate BEFORE TRUNCATE ON feedback_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();

CREATE TABLE feedback_photos (
  report_id   uuid NOT NULL REFERENCES feedback_reports(id),
  upload_id   uuid NOT NULL REFERENCES uploads(id),
  hidden      boolean NOT NULL DEFAULT false,
  PRIMARY KEY (report_id, upload_id)
);
CREATE INDEX feedback_photos_upload_idx ON feedback_photos (upload_id);
COMMENT ON TABLE feedback_photos IS 'Photos of a report, stored after their location and camera metadata were stripped (src/domain/photo-metadata.ts). A photo hidden by moderation is shown to officials only.';

CREATE TABLE feedback_drafts (
  id          uuid PRIMARY KEY,
  payload     jsonb NOT NULL,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
COMMENT ON TABLE feedback_drafts IS 'A report sent by someone without an account, waiting for the one-time code sent to their phone or email (purpose feedback_contact, subject the draft id). Expired drafts are deleted as new ones are written.';

CREATE TABLE feedback_counters (
  unit_id  uuid NOT NULL REFERENCES units(id),
  day      text NOT NULL,
  n        integer NOT NULL,
  PRIMARY KEY (unit_id, day)
);
COMMENT ON TABLE feedback_counters IS 'Per-unit, per-day sequence of report codes PA-<YYMMDD>-<NNNN> (an atomic upsert).';

CREATE TABLE open311_keys (
  id          uuid PRIMARY KEY,
  unit_id     uuid NOT NULL REFERENCES units(id),
  name        text NOT NULL,
  key_hash    text NOT NULL UNIQUE,
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);
COMMENT ON TABLE open311_keys IS 'API keys of Open311 GeoReport v2 clients (apps, city tools) allowed to POST requests; only a keyed hash is kept. Issued and revoked by a unit admin.';
