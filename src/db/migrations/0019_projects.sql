-- Investment and urban-development projects (issue 13, docs/PROJECTS.md): the register, legal
-- milestones, progress updates with evidence, obstacles and the leaders' directions, the
-- versioned behind-schedule rule, and an event log for "what changed this week".
-- "Behind schedule" is never stored: src/domain/projects.ts computes it from these rows and now.

CREATE TABLE projects (
  id                      uuid PRIMARY KEY,
  unit_id                 uuid NOT NULL REFERENCES units(id),
  code                    text NOT NULL UNIQUE,
  name                    text NOT NULL,
  name_search             text NOT NULL,
  kind                    text NOT NULL CHECK (kind IN ('investment', 'public')),
  investor_name           text NOT NULL,
  investor_mst            text,
  registered_capital_vnd  bigint NOT NULL CHECK (registered_capital_vnd >= 0),
  area_m2                 double precision CHECK (area_m2 IS NULL OR area_m2 > 0),
  location                jsonb,
  address                 text NOT NULL DEFAULT '',
  land_use                text NOT NULL,
  planning_zone           text NOT NULL,
  department_id           uuid REFERENCES departments(id),
  summary                 text NOT NULL DEFAULT '',
  public                  boolean NOT NULL DEFAULT false,
  plan                    jsonb NOT NULL DEFAULT '[]',
  created_by              uuid REFERENCES users(id),
  created_at              timestamptz NOT NULL,
  updated_at              timestamptz NOT NULL,
  version                 integer NOT NULL DEFAULT 1
);
CREATE INDEX projects_unit_idx ON projects (unit_id);
CREATE INDEX projects_search_idx ON projects USING gin (name_search gin_trgm_ops);
COMMENT ON TABLE projects IS 'The register of investment (private investor) and public-investment projects of a unit: investor, capital in VND, area, GeoJSON location, land use, planning zone, responsible department, and the plan (cumulative disbursement and progress by date, jsonb PlanPoint[]). version is the optimistic-concurrency counter.';

CREATE TABLE project_milestones (
  project_id    uuid NOT NULL REFERENCES projects(id),
  kind          text NOT NULL CHECK (kind IN ('investment_approval', 'land_allocation', 'site_clearance', 'construction_permit', 'construction_start', 'completion', 'operation')),
  planned_date  date,
  actual_date   date,
  note          text NOT NULL DEFAULT '',
  PRIMARY KEY (project_id, kind)
);
COMMENT ON TABLE project_milestones IS 'Legal milestones of a project, each with a planned and an actual date (null = not scheduled / not reached). Actual dates are recorded by the ward through progress updates.';

CREATE TABLE project_investors (
  project_id  uuid NOT NULL REFERENCES projects(id),
  user_id     uuid NOT NULL REFERENCES users(id),
  added_by    uuid REFERENCES users(id),
  added_at    timestamptz NOT NULL,
  PRIMARY KEY (project_id, user_id)
);
COMMENT ON TABLE project_investors IS 'Accounts (business or citizen) that act for a project''s investor: they report progress and raise obstacles, and follow the project in the portal.';

CREATE TABLE project_updates (
  id             uuid PRIMARY KEY,
  project_id     uuid NOT NULL REFERENCES projects(id),
  reported_on    date NOT NULL,
  reported_by    uuid NOT NULL REFERENCES users(id),
  reporter_role  text NOT NULL CHECK (reporter_role IN ('department', 'investor')),
  progress_pct   double precision CHECK (progress_pct IS NULL OR (progress_pct >= 0 AND progress_pct <= 100)),
  disbursed_vnd  bigint CHECK (disbursed_vnd IS NULL OR disbursed_vnd >= 0),
  note           text NOT NULL,
  milestones     jsonb NOT NULL DEFAULT '[]',
  public         boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL
);
CREATE INDEX project_updates_project_idx ON project_updates (project_id, reported_on);
COMMENT ON TABLE project_updates IS 'Progress updates, append-only: cumulative disbursement and physical progress as of reported_on, a note, the milestones reached it recorded (ward only), and whether its photos appear on the public timeline.';

CREATE TABLE project_update_files (
  update_id  uuid NOT NULL REFERENCES project_updates(id),
  upload_id  uuid NOT NULL REFERENCES uploads(id),
  caption    text NOT NULL DEFAULT '',
  PRIMARY KEY (update_id, upload_id)
);
CREATE INDEX project_update_files_upload_idx ON project_update_files (upload_id);
COMMENT ON TABLE project_update_files IS 'Evidence of a progress update (photos, documents), through the file store.';

CREATE TABLE project_obstacles (
  id                 uuid PRIMARY KEY,
  project_id         uuid NOT NULL REFERENCES projects(id),
  description        text NOT NULL,
  actor_kind         text NOT NULL CHECK (actor_kind IN ('department', 'investor', 'other')),
  actor_department_id uuid REFERENCES departments(id),
  actor_other        text NOT NULL DEFAULT '',
  raised_by          uuid NOT NULL REFERENCES users(id),
  raised_at          timestamptz NOT NULL,
  resolved_at        timestamptz,
  resolved_by        uuid REFERENCES users(id),
  resolution         text,
  CHECK (actor_kind <> 'department' OR actor_department_id IS NOT NULL),
  CHECK ((resolved_at IS NULL) = (resolution IS NULL))
);
CREATE INDEX project_obstacles_project_idx ON project_obstacles (project_id);
COMMENT ON TABLE project_obstacles IS 'Obstacles (vướng mắc) blocking a project: what, who must act (a ward department, the investor, another agency named in text), and the resolution.';

CREATE TABLE project_directions (
  id                   uuid PRIMARY KEY,
  obstacle_id          uuid NOT NULL REFERENCES project_obstacles(id),
  project_id           uuid NOT NULL REFERENCES projects(id),
  text                 text NOT NULL,
  owner_kind           text NOT NULL CHECK (owner_kind IN ('department', 'investor', 'other')),
  owner_department_id  uuid REFERENCES departments(id),
  owner_other          text NOT NULL DEFAULT '',
  deadline             date NOT NULL,
  given_by             uuid NOT NULL REFERENCES users(id),
  given_at             timestamptz NOT NULL,
  completed_at         timestamptz,
  completed_by         uuid REFERENCES users(id),
  completion_note      text,
  overdue_notified_at  timestamptz,
  CHECK (owner_kind <> 'department' OR owner_department_id IS NOT NULL)
);
CREATE INDEX project_directions_project_idx ON project_directions (project_id);
CREATE INDEX project_directions_open_idx ON project_directions (deadline) WHERE completed_at IS NULL;
COMMENT ON TABLE project_directions IS 'A leader''s direction (chỉ đạo) on an obstacle: to whom, by which date (a Vietnam calendar date), and its completion. Overdue is computed from deadline and now; overdue_notified_at records that the owner was told, once.';

CREATE TABLE project_events (
  id          bigserial PRIMARY KEY,
  project_id  uuid NOT NULL REFERENCES projects(id),
  at          timestamptz NOT NULL,
  actor_id    uuid REFERENCES users(id),
  kind        text NOT NULL,
  summary     text NOT NULL,
  data        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX project_events_at_idx ON project_events (at);
CREATE INDEX project_events_project_idx ON project_events (project_id, at);
COMMENT ON TABLE project_events IS 'Append-only log of what happened to each project (created, edited, update, milestone, obstacle, direction, completion, resolution), written in the transaction of the change: the leaders'' "what changed this week".';

CREATE TABLE project_schedule_rules (
  version         serial PRIMARY KEY,
  unit_id         uuid NOT NULL REFERENCES units(id),
  effective_from  date NOT NULL,
  rule            jsonb NOT NULL,
  basis           text NOT NULL,
  created_by      uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL
);
CREATE INDEX project_schedule_rules_unit_idx ON project_schedule_rules (unit_id, effective_from);
COMMENT ON TABLE project_schedule_rules IS 'The behind-schedule rule as versioned data a leader adjusts (src/domain/projects-rule.ts): grace days on milestones, margins on disbursement and progress, warning window. The version in force on a date is the latest effective on or before it; saved versions are never edited.';
