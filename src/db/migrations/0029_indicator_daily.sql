-- Decision 766 indicators at scale (issue 11; docs/INDICATORS.md "At scale"). The flows of a
-- period (received, settled early/on time/late, closed) are summed from a daily pre-aggregate per
-- unit, procedure, channel, official and outcome; so is the stock at a past day's end (in progress,
-- overdue): each day holds its change (opened − closed, fell overdue − closed overdue), and the
-- stock at a day's end is the sum of the changes up to it. The stock now (with "waiting") is
-- counted from the open dossiers.
--
-- Kept correct by a dirty-day queue: a trigger on dossiers and on the tables an indicator reads
-- (supplements, papers, results, ratings) records, in the same transaction as the change and with
-- one INSERT, which (unit, day) pairs the change touched. A reader first folds the queue: under an
-- advisory lock it takes the pending pairs and recomputes those days from the dossiers with one
-- set-based statement, then the months those days fall in (indicator_monthly)
-- (src/modules/indicators/indicators.aggregate.ts). Several instances are safe:
-- the lock serialises refreshes and a pair committed during a refresh stays queued for the next.
-- `npm run indicators:recount` compares the aggregate with a full recount.

CREATE FUNCTION vn_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT ((t AT TIME ZONE 'UTC') + interval '7 hours')::date $$;
COMMENT ON FUNCTION vn_day(timestamptz) IS 'The Vietnam calendar date (+07:00, no daylight saving) of an instant.';

CREATE TABLE indicator_daily (
  unit_id           uuid NOT NULL REFERENCES units(id),
  day               date NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('received', 'settled', 'closed', 'stock')),
  outcome           text NOT NULL CHECK (outcome IN ('', 'early', 'on_time', 'late')),
  procedure_code    text NOT NULL,
  procedure_version integer NOT NULL,
  field             text NOT NULL,
  end_to_end        boolean NOT NULL,
  has_fee           boolean NOT NULL,
  channel           text NOT NULL,
  assignee_id       uuid,
  n                 integer NOT NULL,
  digitised         integer NOT NULL DEFAULT 0,
  supp_dossiers     integer NOT NULL DEFAULT 0,
  supp_rounds       integer NOT NULL DEFAULT 0,
  supp_late         integer NOT NULL DEFAULT 0,
  synced_known      integer NOT NULL DEFAULT 0,
  synced            integer NOT NULL DEFAULT 0,
  extended          integer NOT NULL DEFAULT 0,
  e_result          integer NOT NULL DEFAULT 0,
  digitised_with_e  integer NOT NULL DEFAULT 0,
  personal_store    integer NOT NULL DEFAULT 0,
  rating_count      integer NOT NULL DEFAULT 0,
  rating_sum        integer NOT NULL DEFAULT 0,
  satisfied         integer NOT NULL DEFAULT 0,
  disliked          integer NOT NULL DEFAULT 0,
  overdue           integer NOT NULL DEFAULT 0
);
CREATE INDEX indicator_daily_unit_day_idx ON indicator_daily (unit_id, day);
COMMENT ON TABLE indicator_daily IS 'Pre-aggregate of the Decision 766 flows: per unit and Vietnam day, dossiers received (by the receiving unit, day of receipt) and settled or closed (by the handling unit, day of the result; outcome early/on_time/late against the due date the law set), per procedure version, channel and official, with the counts the index needs; kind stock (handling unit): n = dossiers opened − closed that day, overdue = fell overdue − closed while overdue, so that the sum up to a day is the stock at its end. Derived data: rebuilt day by day from dossiers (indicator_dirty); never edited by hand.';

CREATE TABLE indicator_monthly (LIKE indicator_daily);
ALTER TABLE indicator_monthly RENAME COLUMN day TO month;
ALTER TABLE indicator_monthly ADD CHECK (extract(day FROM month) = 1);
ALTER TABLE indicator_monthly ADD FOREIGN KEY (unit_id) REFERENCES units(id);
CREATE INDEX indicator_monthly_unit_month_idx ON indicator_monthly (unit_id, month);
COMMENT ON TABLE indicator_monthly IS 'indicator_daily summed by calendar month (month = its first day), so that a year is read from 12 rows per key instead of 365: a period is its whole months from here plus its partial months'' days from indicator_daily. Rebuilt with the days it sums.';

CREATE TABLE indicator_dirty (
  unit_id  uuid NOT NULL,
  day      date NOT NULL,
  PRIMARY KEY (unit_id, day)
);
COMMENT ON TABLE indicator_dirty IS 'The (unit, day) pairs of indicator_daily that a change made stale, written by trigger in the change''s own transaction; a reader recomputes them and removes them (indicators.aggregate.ts).';

CREATE FUNCTION indicator_mark_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_dirty (unit_id, day)
  SELECT DISTINCT u, d FROM (VALUES
      (CASE WHEN TG_OP <> 'INSERT' THEN OLD.receiving_unit_id END, CASE WHEN TG_OP <> 'INSERT' THEN vn_day(OLD.received_at) END),
      (CASE WHEN TG_OP <> 'INSERT' THEN OLD.handling_unit_id END, CASE WHEN TG_OP <> 'INSERT' THEN vn_day(OLD.finished_at) END),
      (CASE WHEN TG_OP <> 'INSERT' THEN OLD.handling_unit_id END, CASE WHEN TG_OP <> 'INSERT' AND OLD.received_at IS NOT NULL THEN vn_day(OLD.received_at) END),
      (CASE WHEN TG_OP <> 'INSERT' THEN OLD.handling_unit_id END, CASE WHEN TG_OP <> 'INSERT' AND OLD.received_at IS NOT NULL THEN vn_day(OLD.due_at) END),
      (CASE WHEN TG_OP <> 'DELETE' THEN NEW.receiving_unit_id END, CASE WHEN TG_OP <> 'DELETE' THEN vn_day(NEW.received_at) END),
      (CASE WHEN TG_OP <> 'DELETE' THEN NEW.handling_unit_id END, CASE WHEN TG_OP <> 'DELETE' THEN vn_day(NEW.finished_at) END),
      (CASE WHEN TG_OP <> 'DELETE' THEN NEW.handling_unit_id END, CASE WHEN TG_OP <> 'DELETE' AND NEW.received_at IS NOT NULL THEN vn_day(NEW.received_at) END),
      (CASE WHEN TG_OP <> 'DELETE' THEN NEW.handling_unit_id END, CASE WHEN TG_OP <> 'DELETE' AND NEW.received_at IS NOT NULL THEN vn_day(NEW.due_at) END)
    ) v(u, d)
   WHERE d IS NOT NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION indicator_mark_dossier() IS 'Trigger function: queues the days of indicator_daily a dossier''s change touched (its day of receipt for the receiving unit; its days of receipt, due date and result for the handling unit; before and after).';

CREATE TRIGGER dossiers_indicator_dirty
  AFTER INSERT OR DELETE OR UPDATE OF receiving_unit_id, handling_unit_id, received_at, finished_at, due_at, status, channel, assignee_id, extension, procedure_code, procedure_version
  ON dossiers FOR EACH ROW EXECUTE FUNCTION indicator_mark_dossier();

CREATE FUNCTION indicator_mark_dossier_of() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  of_dossier uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.dossier_id ELSE NEW.dossier_id END;
BEGIN
  INSERT INTO indicator_dirty (unit_id, day)
  SELECT DISTINCT u, d FROM dossiers x, LATERAL (VALUES (x.receiving_unit_id, vn_day(x.received_at)), (x.handling_unit_id, vn_day(x.finished_at))) v(u, d)
   WHERE x.id = of_dossier AND d IS NOT NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION indicator_mark_dossier_of() IS 'Trigger function: queues the indicator_daily days of the dossier a supplement, paper, result or rating belongs to.';

CREATE TRIGGER supplement_requests_indicator_dirty AFTER INSERT OR UPDATE OR DELETE ON supplement_requests FOR EACH ROW EXECUTE FUNCTION indicator_mark_dossier_of();
CREATE TRIGGER dossier_documents_indicator_dirty AFTER INSERT OR UPDATE OR DELETE ON dossier_documents FOR EACH ROW EXECUTE FUNCTION indicator_mark_dossier_of();
CREATE TRIGGER issued_documents_indicator_dirty AFTER INSERT OR UPDATE OR DELETE ON issued_documents FOR EACH ROW EXECUTE FUNCTION indicator_mark_dossier_of();
CREATE TRIGGER ratings_indicator_dirty AFTER INSERT OR UPDATE OR DELETE ON ratings FOR EACH ROW EXECUTE FUNCTION indicator_mark_dossier_of();

-- The stock's changes by day: dossiers received, and falling due, by the handling unit.
CREATE INDEX dossiers_handling_received_idx ON dossiers (handling_unit_id, received_at);
CREATE INDEX dossiers_handling_due_idx ON dossiers (handling_unit_id, due_at);

-- The dossiers open now, by what the stock counts (an index-only scan).
CREATE INDEX dossiers_open_idx ON dossiers (handling_unit_id, procedure_code, procedure_version, channel, assignee_id, status, due_at, received_at) WHERE finished_at IS NULL;

-- The dossiers open at an instant (received before it, finished at or after it, or not yet).
CREATE FUNCTION open_span(received timestamptz, finished timestamptz) RETURNS tstzrange LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT tstzrange(received, CASE WHEN finished IS NULL THEN NULL ELSE greatest(finished, received) END, '(]') $$;
COMMENT ON FUNCTION open_span(timestamptz, timestamptz) IS 'When a dossier was open: after its receipt, up to and including its result (unbounded while open).';
CREATE INDEX dossiers_open_span_idx ON dossiers USING gist (open_span(received_at, finished_at)) WHERE received_at IS NOT NULL;

-- Existing dossiers: every day they touch is stale until the first reader folds it.
INSERT INTO indicator_dirty (unit_id, day)
SELECT DISTINCT u, d FROM dossiers x, LATERAL (VALUES (x.receiving_unit_id, vn_day(x.received_at)), (x.handling_unit_id, vn_day(x.finished_at)),
                                                      (x.handling_unit_id, vn_day(x.received_at)), (x.handling_unit_id, vn_day(x.due_at))) v(u, d)
 WHERE d IS NOT NULL AND x.received_at IS NOT NULL
ON CONFLICT DO NOTHING;
