-- Foundation schema: units, accounts, sessions, procedure catalogue, calendar, files,
-- dossiers with their append-only event log, supplement requests, audit log.
-- Times are timestamptz; the application presents them at +07:00.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE units (
  id          uuid PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  parent_id   uuid REFERENCES units(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE units IS 'Agencies (ward, province departments…) with their electronic ID code (Decision 20/2020/QĐ-TTg); one deployment may serve several.';

CREATE TABLE departments (
  id          uuid PRIMARY KEY,
  unit_id     uuid NOT NULL REFERENCES units(id),
  code        text NOT NULL,
  name        text NOT NULL,
  UNIQUE (unit_id, code)
);
COMMENT ON TABLE departments IS 'Departments (phòng, bộ phận) of a unit; dossiers are handled and consulted by department.';

CREATE TABLE users (
  id               uuid PRIMARY KEY,
  kind             text NOT NULL CHECK (kind IN ('staff', 'citizen', 'business')),
  login            text NOT NULL UNIQUE,
  full_name        text NOT NULL,
  name_search      text NOT NULL,
  unit_id          uuid REFERENCES units(id),
  department_id    uuid REFERENCES departments(id),
  roles            text[] NOT NULL DEFAULT '{}',
  cccd             text UNIQUE,
  mst              text UNIQUE,
  birth_year       integer,
  gender           text CHECK (gender IN ('male', 'female')),
  phone            text,
  email            text,
  address          text,
  password_hash    text,
  failed_logins    integer NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  disabled         boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'staff' OR unit_id IS NOT NULL)
);
COMMENT ON TABLE users IS 'Staff (scoped to a unit, with roles), citizens (CCCD) and businesses (MST). Citizens created at the desk may have no password.';

CREATE TABLE sessions (
  id_hash     text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users(id),
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expiry_idx ON sessions (expires_at);
COMMENT ON TABLE sessions IS 'Server-side sessions (the cookie holds a random token; only its SHA-256 is stored) so that any app instance can serve any request.';

CREATE TABLE procedures (
  code             text PRIMARY KEY,
  current_version  integer NOT NULL,
  active           boolean NOT NULL DEFAULT true,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE procedures IS 'Catalogue entries; each definition lives in procedure_versions. current_version is the latest saved, which may take effect later.';

CREATE TABLE procedure_versions (
  procedure_code  text NOT NULL REFERENCES procedures(code),
  version         integer NOT NULL,
  definition      jsonb NOT NULL,
  effective_from  date NOT NULL,
  name_search     text NOT NULL,
  field           text NOT NULL,
  applicant       text NOT NULL,
  online_level    text,
  created_by      uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (procedure_code, version)
);
CREATE INDEX procedure_versions_search_idx ON procedure_versions USING gin (name_search gin_trgm_ops);
COMMENT ON TABLE procedure_versions IS 'Every edit of a procedure is a new immutable version with the date it takes effect; the version in force on a date is the highest one effective by then. A dossier keeps the version it was filed under.';

CREATE TABLE calendar_years (
  year        integer NOT NULL,
  version     integer NOT NULL,
  days_off    jsonb NOT NULL,
  make_up_days jsonb NOT NULL,
  confirmed   boolean NOT NULL DEFAULT false,
  updated_by  uuid REFERENCES users(id),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (year, version)
);
COMMENT ON TABLE calendar_years IS 'Versioned yearly calendars: days off (holidays, compensatory, extra) and make-up working Saturdays. Pre-filled from the rules, edited by an admin; the highest version is in force.';

CREATE TABLE settings (
  key             text NOT NULL,
  effective_from  date NOT NULL,
  value           jsonb NOT NULL,
  updated_by      uuid REFERENCES users(id),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (key, effective_from)
);
COMMENT ON TABLE settings IS 'Law-as-data settings (office hours, same-day cutoff…) with the date each value takes effect.';

CREATE TABLE files (
  sha256      text PRIMARY KEY,
  size        integer NOT NULL,
  mime        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE files IS 'Stored blobs, addressed by content hash; the bytes are in the blob store (local disk or S3).';

CREATE TABLE uploads (
  id          uuid PRIMARY KEY,
  sha256      text NOT NULL REFERENCES files(sha256),
  name        text NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX uploads_user_idx ON uploads (uploaded_by);
COMMENT ON TABLE uploads IS 'One row per upload: who uploaded which blob under which file name.';

CREATE TABLE dossier_counters (
  unit_id  uuid NOT NULL REFERENCES units(id),
  day      text NOT NULL,
  last     integer NOT NULL,
  PRIMARY KEY (unit_id, day)
);
COMMENT ON TABLE dossier_counters IS 'Per unit and per day sequence behind dossier codes; incremented with an atomic upsert so codes are unique under any concurrency.';

CREATE TABLE dossiers (
  id                  uuid PRIMARY KEY,
  code                text NOT NULL UNIQUE,
  procedure_code      text NOT NULL,
  procedure_version   integer NOT NULL,
  receiving_unit_id   uuid NOT NULL REFERENCES units(id),
  handling_unit_id    uuid NOT NULL REFERENCES units(id),
  department_id       uuid REFERENCES departments(id),
  assignee_id         uuid REFERENCES users(id),
  applicant_id        uuid NOT NULL REFERENCES users(id),
  applicant           jsonb NOT NULL,
  applicant_search    text NOT NULL,
  procedure_search    text NOT NULL,
  channel             text NOT NULL CHECK (channel IN ('online', 'in_person', 'post')),
  status              text NOT NULL,
  form_data           jsonb NOT NULL,
  submitted_at        timestamptz NOT NULL,
  received_at         timestamptz,
  clock_started_at    timestamptz,
  due_at              timestamptz,
  original_due_at     timestamptz,
  extended            boolean NOT NULL DEFAULT false,
  paused_at           timestamptz,
  resume_status       text,
  finished_at         timestamptz,
  returned_at         timestamptz,
  outcome             text,
  supplement_rounds   integer NOT NULL DEFAULT 0,
  idempotency_key     text,
  submitted_by        uuid NOT NULL REFERENCES users(id),
  version             integer NOT NULL DEFAULT 1,
  updated_at          timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (procedure_code, procedure_version) REFERENCES procedure_versions (procedure_code, version),
  UNIQUE (submitted_by, idempotency_key)
);
CREATE INDEX dossiers_applicant_idx ON dossiers (applicant_id, submitted_at DESC);
CREATE INDEX dossiers_queue_idx ON dossiers (handling_unit_id, status, due_at);
CREATE INDEX dossiers_assignee_idx ON dossiers (assignee_id, status);
CREATE INDEX dossiers_applicant_search_idx ON dossiers USING gin (applicant_search gin_trgm_ops);
COMMENT ON TABLE dossiers IS 'Projection of each dossier''s current state, updated in the same transaction as the event that changes it; version is the optimistic-concurrency counter.';

CREATE TABLE dossier_events (
  dossier_id   uuid NOT NULL REFERENCES dossiers(id),
  seq          integer NOT NULL,
  action       text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  actor_id     uuid NOT NULL REFERENCES users(id),
  actor_role   text NOT NULL,
  at           timestamptz NOT NULL,
  comment      text,
  data         jsonb NOT NULL DEFAULT '{}',
  attachments  jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (dossier_id, seq)
);
COMMENT ON TABLE dossier_events IS 'Append-only log of every action on a dossier (who, when, comment, attachments). Never updated or deleted.';

CREATE TABLE dossier_documents (
  id              uuid PRIMARY KEY,
  dossier_id      uuid NOT NULL REFERENCES dossiers(id),
  requirement_id  text NOT NULL,
  upload_id       uuid NOT NULL REFERENCES uploads(id),
  round           integer NOT NULL DEFAULT 0,
  superseded      boolean NOT NULL DEFAULT false,
  purpose         text NOT NULL DEFAULT 'application' CHECK (purpose IN ('application', 'result', 'attachment')),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_documents_dossier_idx ON dossier_documents (dossier_id);
COMMENT ON TABLE dossier_documents IS 'Files attached to a dossier: application documents per requirement (round 0, then one round per supplement), results and event attachments.';

CREATE TABLE dossier_steps (
  dossier_id   uuid NOT NULL REFERENCES dossiers(id),
  idx          integer NOT NULL,
  step_key     text NOT NULL,
  name         text NOT NULL,
  role         text NOT NULL,
  handler_id   uuid REFERENCES users(id),
  started_at   timestamptz NOT NULL,
  due_at       timestamptz,
  finished_at  timestamptz,
  PRIMARY KEY (dossier_id, idx)
);
COMMENT ON TABLE dossier_steps IS 'Workflow steps as they happen, with the share of the time limit as a per-step deadline (form 05, the processing control slip).';

CREATE TABLE supplement_items (
  id           uuid PRIMARY KEY,
  dossier_id   uuid NOT NULL REFERENCES dossiers(id),
  round        integer NOT NULL,
  target_type  text NOT NULL CHECK (target_type IN ('document', 'field')),
  target_key   text NOT NULL,
  reason       text NOT NULL,
  answer       jsonb,
  answered_at  timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supplement_items_dossier_idx ON supplement_items (dossier_id, round);
COMMENT ON TABLE supplement_items IS 'Items of each request to supplement, each tied to a document requirement or a form field, answered one by one.';

CREATE TABLE ratings (
  dossier_id  uuid PRIMARY KEY REFERENCES dossiers(id),
  score       integer NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment     text,
  rated_by    uuid NOT NULL REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE ratings IS 'Applicant satisfaction, once per dossier after the result is returned.';

CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  actor_id     uuid REFERENCES users(id),
  action       text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    text NOT NULL,
  details      jsonb NOT NULL DEFAULT '{}',
  request_id   text,
  ip           text
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);
COMMENT ON TABLE audit_log IS 'Who did or read what, written in the same transaction as the action (Decree 13/2023 processing log).';
