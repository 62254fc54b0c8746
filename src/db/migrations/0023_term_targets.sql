-- The ward's term targets (issue 11; docs/INDICATORS.md "Term targets"). The built-in targets of the
-- 2025–2030 term are data in src/domain/targets.ts; a unit admin adds others here. Actuals are
-- entered with their source and date, never edited (a correction is a newer entry): the history.

CREATE TABLE term_targets (
  unit_id      uuid NOT NULL REFERENCES units(id),
  key          text NOT NULL CHECK (key ~ '^[a-z0-9_]{2,60}$'),
  definition   jsonb NOT NULL,
  created_by   uuid NOT NULL REFERENCES users(id),
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (unit_id, key)
);
COMMENT ON TABLE term_targets IS 'Targets a unit admin added beside the built-in ones (src/domain/targets.ts TargetSchema: names, unit, direction, target and year, baseline, source, computed measure). A row with a built-in key overrides it (e.g. the figure the ward set for budget revenue).';

CREATE TABLE target_actuals (
  id           uuid PRIMARY KEY,
  unit_id      uuid NOT NULL REFERENCES units(id),
  target_key   text NOT NULL CHECK (target_key ~ '^[a-z0-9_]{2,60}$'),
  year         integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  value        numeric NOT NULL,
  source       text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
  as_of        date NOT NULL,
  entered_by   uuid NOT NULL REFERENCES users(id),
  entered_at   timestamptz NOT NULL
);
CREATE INDEX target_actuals_unit_idx ON target_actuals (unit_id, target_key, year, entered_at);
COMMENT ON TABLE target_actuals IS 'An actual figure of a term target for a year, with its source and the date it stands at, entered by a leader or admin. Append-only: the latest entry for a year is the one shown; the rest is the history.';
