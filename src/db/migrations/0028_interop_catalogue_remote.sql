-- Connected systems, continued (issue 10, docs/INTEROP.md).

-- Catalogue updates the province pushes (POST /api/v1/interop/catalogue, scope catalogue.push):
-- each waits here as a draft until the unit admin publishes it as the procedure's next version
-- (procedure_versions) or rejects it. A retried push (the same body) lands nothing new.
CREATE TABLE interop_catalogue_pushes (
  id               uuid PRIMARY KEY,
  system_id        uuid NOT NULL REFERENCES interop_systems(id),
  procedure_code   text NOT NULL,
  definition       jsonb NOT NULL,
  effective_from   date NOT NULL,
  note             text,
  body_sha256      text NOT NULL,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published', 'rejected')),
  received_at      timestamptz NOT NULL,
  decided_by       uuid REFERENCES users(id),
  decided_at       timestamptz,
  decision_note    text,
  published_version integer,
  UNIQUE (system_id, body_sha256)
);
CREATE INDEX interop_catalogue_pushes_status_idx ON interop_catalogue_pushes (status, received_at);
COMMENT ON TABLE interop_catalogue_pushes IS 'Procedure versions pushed by a connected system (the province), as drafts: pending until the unit admin publishes one (it becomes the procedure''s next version, effective_from as pushed or as the admin sets) or rejects it.';

-- A unit on ANOTHER deployment, reached through its own processing system: the connected system
-- represents that unit (remote_unit_id); a dossier transferred to it is handed over through the
-- outbox to the system's callback URL, signed, like every status event.
ALTER TABLE interop_systems ADD COLUMN IF NOT EXISTS remote_unit_id uuid REFERENCES units(id);
CREATE UNIQUE INDEX IF NOT EXISTS interop_systems_remote_unit_idx ON interop_systems (remote_unit_id) WHERE remote_unit_id IS NOT NULL;
COMMENT ON COLUMN interop_systems.remote_unit_id IS 'The unit on another deployment this system processes dossiers for (kind unit_system): a transfer to that unit is handed over to this system. Null: a system that sends dossiers here (the portal, the province).';
