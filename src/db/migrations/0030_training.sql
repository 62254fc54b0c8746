-- Officials' digital-skills training (issue 11; docs/INDICATORS.md "Officials' training"): the
-- courses a unit's officials attend and who completed them. It feeds the share of officials trained
-- (src/domain/training.ts), shown with the indicators and as the actual of the term target
-- "officials_trained". A course is edited in place with a version number (a stale save is refused);
-- every save is in the audit log with the whole course, which is its history.

CREATE TABLE training_courses (
  id          uuid PRIMARY KEY,
  unit_id     uuid NOT NULL REFERENCES units(id),
  version     integer NOT NULL CHECK (version >= 1),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  provider    text NOT NULL CHECK (length(provider) BETWEEN 1 AND 300),
  starts_on   date NOT NULL,
  ends_on     date NOT NULL,
  hours       numeric(6, 1) NOT NULL CHECK (hours > 0),
  topic       text NOT NULL CHECK (topic IN ('digital_skills', 'information_security', 'digital_transformation', 'data', 'other')),
  mode        text NOT NULL CHECK (mode IN ('in_person', 'online', 'blended')),
  qualifies   boolean NOT NULL,
  created_by  uuid NOT NULL REFERENCES users(id),
  created_at  timestamptz NOT NULL,
  updated_by  uuid NOT NULL REFERENCES users(id),
  updated_at  timestamptz NOT NULL,
  CHECK (starts_on <= ends_on)
);
CREATE INDEX training_courses_unit_idx ON training_courses (unit_id, starts_on);
COMMENT ON TABLE training_courses IS 'A training course of a unit''s officials (name, provider, dates, hours, topic, mode) and whether it counts towards the share of officials trained in digital skills (qualifies). Edited by the unit admin; version rises by one per save, a save carrying an older version is refused (409).';

CREATE TABLE training_completions (
  course_id      uuid NOT NULL REFERENCES training_courses(id) ON DELETE CASCADE,
  user_id        uuid NOT NULL REFERENCES users(id),
  completed_on   date NOT NULL,
  certificate_no text CHECK (certificate_no IS NULL OR length(certificate_no) BETWEEN 1 AND 60),
  PRIMARY KEY (course_id, user_id)
);
CREATE INDEX training_completions_user_idx ON training_completions (user_id, completed_on);
COMMENT ON TABLE training_completions IS 'Who of the unit''s officials completed a course, on which day, with the certificate number if one was issued. Saved with the course (the whole list), under the course''s version.';
