-- The ward's areas as data (issue 12, docs/FEEDBACK.md): the official boundary and the
-- residential groups (tổ dân phố) a unit admin loads from a GeoJSON file are a third kind of the
-- versioned feedback settings (who, when, why; the latest in force). data holds
-- { approximate, source, features }, checked by src/domain/feedback-areas.ts on write and read.
ALTER TABLE feedback_settings_versions DROP CONSTRAINT feedback_settings_versions_kind_check;
ALTER TABLE feedback_settings_versions ADD CONSTRAINT feedback_settings_versions_kind_check CHECK (kind IN ('routing', 'templates', 'areas'));
