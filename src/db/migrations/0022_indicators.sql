-- Decision 766/QĐ-TTg service-quality indicators (issue 11; docs/INDICATORS.md). The figures are
-- computed from dossiers, dossier_events, supplement_requests, issued_documents and ratings at read
-- time; these tables hold only what is law or what the platform cannot know: the index rule's
-- versions, and the ingredients an official enters with their source.

CREATE TABLE indicator_rules (
  version         serial PRIMARY KEY,
  effective_from  date NOT NULL,
  rule            jsonb NOT NULL,
  basis           text NOT NULL,
  created_by      uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL
);
CREATE INDEX indicator_rules_effective_idx ON indicator_rules (effective_from);
COMMENT ON TABLE indicator_rules IS 'The Decision 766 index as versioned data (src/domain/indicators-rules.ts): items with points, thresholds, groups in the 6-group and 5-group views, and whether each is computed or entered. A period is scored by the version in force on its last day; with no row, the built-in default (version 0) applies. Saved versions are never edited.';

CREATE TABLE indicator_inputs (
  id              uuid PRIMARY KEY,
  unit_id         uuid NOT NULL REFERENCES units(id),
  item_key        text NOT NULL CHECK (item_key ~ '^[a-z0-9_]{2,60}$'),
  period_from     date NOT NULL,
  period_to       date NOT NULL,
  rate            numeric(7, 6) NOT NULL CHECK (rate >= 0 AND rate <= 1),
  source          text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
  entered_by      uuid NOT NULL REFERENCES users(id),
  entered_at      timestamptz NOT NULL,
  CHECK (period_from <= period_to)
);
CREATE INDEX indicator_inputs_unit_idx ON indicator_inputs (unit_id, item_key, period_to);
COMMENT ON TABLE indicator_inputs IS 'An index ingredient the platform cannot compute (yet) — e.g. the catalogue published on time in the national database, feedback handled on time — entered by an official for a unit and a span of dates, with its source. A period uses the latest entry whose span contains the period''s last day. Append-only: a correction is a newer entry.';

-- The indicators read dossiers by receipt and by settlement time, per unit.
CREATE INDEX IF NOT EXISTS dossiers_receiving_received_idx ON dossiers (receiving_unit_id, received_at);
CREATE INDEX IF NOT EXISTS dossiers_handling_finished_idx ON dossiers (handling_unit_id, finished_at);
