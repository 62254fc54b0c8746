-- Electronic certified copies from originals (chứng thực bản sao điện tử từ bản chính, Decree
-- 23/2015/NĐ-CP as amended): the certification register, numbered without gaps per unit and year.

CREATE TABLE certification_counters (
  unit_id  uuid NOT NULL REFERENCES units(id),
  year     integer NOT NULL,
  last     integer NOT NULL,
  PRIMARY KEY (unit_id, year)
);
COMMENT ON TABLE certification_counters IS 'The last number of each unit''s certification register per year. Incremented by an upsert in the transaction that records the certification: a failed certification gives its number back (rolled back), so the register has no gaps; the row lock orders concurrent desks.';

CREATE TABLE certifications (
  id             uuid PRIMARY KEY,
  unit_id        uuid NOT NULL REFERENCES units(id),
  year           integer NOT NULL,
  number         integer NOT NULL,
  book           text NOT NULL,
  visit_id       uuid NOT NULL,
  citizen_id     uuid NOT NULL REFERENCES users(id),
  document_name  text NOT NULL,
  pages          integer NOT NULL CHECK (pages > 0),
  copies         integer NOT NULL CHECK (copies > 0),
  fee_vnd        integer NOT NULL CHECK (fee_vnd >= 0),
  document_id    uuid NOT NULL REFERENCES issued_documents(id),
  certified_by   uuid NOT NULL REFERENCES users(id),
  certified_at   timestamptz NOT NULL,
  UNIQUE (unit_id, year, number)
);
CREATE INDEX certifications_unit_time_idx ON certifications (unit_id, certified_at);
CREATE INDEX certifications_citizen_idx ON certifications (citizen_id);
COMMENT ON TABLE certifications IS 'The certification register (sổ chứng thực bản sao): one row per document certified, its number in the unit''s register for the year, the citizen, pages, copies, fee, and the signed copy (issued_documents). Several rows of one visit share visit_id.';
