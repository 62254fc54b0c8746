-- Connected systems (src/modules/interop, docs/INTEROP.md): the national public-service portal and
-- provincial systems that forward dossiers here and receive every status change back.

CREATE TABLE interop_systems (
  id             uuid PRIMARY KEY,
  unit_id        uuid NOT NULL REFERENCES units(id),
  code           text NOT NULL UNIQUE,
  name           text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('national_portal', 'provincial_system', 'unit_system')),
  scopes         text[] NOT NULL,
  callback_url   text,
  sync_all       boolean NOT NULL DEFAULT false,
  active         boolean NOT NULL DEFAULT true,
  created_by     uuid REFERENCES users(id),
  created_at     timestamptz NOT NULL
);
COMMENT ON TABLE interop_systems IS 'Systems connected to the unit by machine API (the national portal, a provincial system, another unit''s system): the scopes it was granted (dossiers.submit, dossiers.read, residents.read, catalogue.push), where status events are sent (callback_url) and whether it receives the events of every dossier of the unit (sync_all) or only of those it sent.';

CREATE TABLE interop_keys (
  id                     uuid PRIMARY KEY,
  system_id              uuid NOT NULL REFERENCES interop_systems(id),
  key_id                 text NOT NULL UNIQUE,
  key_hash               text NOT NULL,
  signing_secret_sealed  text NOT NULL,
  created_by             uuid REFERENCES users(id),
  created_at             timestamptz NOT NULL,
  expires_at             timestamptz
);
CREATE INDEX interop_keys_system_idx ON interop_keys (system_id, created_at DESC);
COMMENT ON TABLE interop_keys IS 'API keys of connected systems: the key''s secret part only as its SHA-256 (key_hash), and the HMAC signing secret sealed with a key derived from SESSION_SECRET. A rotation adds a key and gives the previous ones an expires_at (a grace period); the newest key signs outgoing events.';

CREATE TABLE interop_replays (
  signature   text PRIMARY KEY,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX interop_replays_expiry_idx ON interop_replays (expires_at);
COMMENT ON TABLE interop_replays IS 'Signatures of machine API requests already accepted, kept while their timestamp is within the allowed window: the same signed request sent twice is refused (INTEROP_REPLAYED).';

CREATE TABLE interop_intake (
  system_id      uuid NOT NULL REFERENCES interop_systems(id),
  external_code  text NOT NULL,
  dossier_id     uuid NOT NULL UNIQUE REFERENCES dossiers(id),
  body_sha256    text NOT NULL,
  received_at    timestamptz NOT NULL,
  PRIMARY KEY (system_id, external_code)
);
COMMENT ON TABLE interop_intake IS 'Every dossier a connected system sent, by the sender''s own dossier code: a retried delivery finds its dossier here and is not filed twice; the same code with a different body is refused.';

ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS external_code text;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS origin_system_id uuid REFERENCES interop_systems(id);
