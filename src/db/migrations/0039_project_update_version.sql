-- A progress report's version: it counts the changes to its publication (the one thing about a
-- report that changes after it is written), so that whoever publishes or hides it does so on what
-- they read — a stale request is refused (PROJECT_UPDATE_VERSION_CONFLICT, docs/PROJECTS.md).
ALTER TABLE project_updates ADD COLUMN version integer NOT NULL DEFAULT 1;
COMMENT ON COLUMN project_updates.version IS 'Counts publication changes (1 when written); an edit carries the version read.';
