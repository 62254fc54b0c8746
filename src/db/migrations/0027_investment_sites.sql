-- Issue 13's public side (docs/PROJECTS.md): the sites and zones the ward promotes to investors,
-- the approved planning documents (quy hoạch) it publishes, and investors' registrations of
-- interest. Projects' public timelines read the existing project tables (public projects, public
-- updates).

CREATE TABLE investment_sites (
  id              uuid PRIMARY KEY,
  unit_id         uuid NOT NULL REFERENCES units(id),
  code            text NOT NULL UNIQUE,
  name            text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('site', 'zone')),
  area_m2         double precision CHECK (area_m2 IS NULL OR area_m2 > 0),
  planned_use     text NOT NULL,
  planning_zone   text NOT NULL DEFAULT '',
  location        jsonb,
  address         text NOT NULL DEFAULT '',
  summary         text NOT NULL DEFAULT '',
  incentives      text NOT NULL DEFAULT '',
  contact_office  text NOT NULL,
  contact_phone   text NOT NULL DEFAULT '',
  contact_email   text NOT NULL DEFAULT '',
  published       boolean NOT NULL DEFAULT false,
  created_by      uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  version         integer NOT NULL DEFAULT 1
);
CREATE INDEX investment_sites_unit_idx ON investment_sites (unit_id);
COMMENT ON TABLE investment_sites IS 'Sites and zones a unit promotes to investors (cơ hội đầu tư): area, planned use, planning zone, GeoJSON location, incentives and the ward office to contact (an office, never a private person). Shown on the public portal once published. version is the optimistic-concurrency counter.';

CREATE TABLE planning_documents (
  id               uuid PRIMARY KEY,
  unit_id          uuid NOT NULL REFERENCES units(id),
  title            text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('general', 'zoning', 'detailed', 'other')),
  decision_number  text NOT NULL,
  decision_date    date NOT NULL,
  issuer           text NOT NULL,
  area_ha          double precision CHECK (area_ha IS NULL OR area_ha > 0),
  summary          text NOT NULL DEFAULT '',
  location         jsonb,
  published        boolean NOT NULL DEFAULT false,
  created_by       uuid REFERENCES users(id),
  created_at       timestamptz NOT NULL
);
CREATE INDEX planning_documents_unit_idx ON planning_documents (unit_id, decision_date);
COMMENT ON TABLE planning_documents IS 'Approved planning documents (quy hoạch) the unit publishes: title, kind (general, zoning 1/2000, detailed 1/500), the approving decision (number, date, issuer), area, the outline on the map (GeoJSON) and files (planning_document_files).';

CREATE TABLE planning_document_files (
  document_id  uuid NOT NULL REFERENCES planning_documents(id),
  upload_id    uuid NOT NULL REFERENCES uploads(id),
  caption      text NOT NULL DEFAULT '',
  PRIMARY KEY (document_id, upload_id)
);
CREATE INDEX planning_document_files_upload_idx ON planning_document_files (upload_id);
COMMENT ON TABLE planning_document_files IS 'Files of a planning document (the decision, the maps), through the file store; public once the document is published.';

CREATE TABLE investment_interests (
  id          uuid PRIMARY KEY,
  site_id     uuid NOT NULL REFERENCES investment_sites(id),
  user_id     uuid NOT NULL REFERENCES users(id),
  message     text NOT NULL,
  created_at  timestamptz NOT NULL,
  UNIQUE (site_id, user_id)
);
CREATE INDEX investment_interests_site_idx ON investment_interests (site_id, created_at);
COMMENT ON TABLE investment_interests IS 'An investor''s (business or citizen account) registration of interest in a promoted site, with a message; one per account and site (a second updates the message). Read by the unit''s officers, never published.';
