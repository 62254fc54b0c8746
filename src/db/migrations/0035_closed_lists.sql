-- Text columns that hold one of a list the code closes (src/domain) are checked by the database
-- too, so that a row written by hand or by a future path cannot hold what no screen, rule or
-- count knows. Each list is the domain constant's (src/db/constraints.check.ts fails to compile
-- when the two differ: src/db/schema.generated.ts types each column as its list). Rows already
-- stored were written through the same constants, checked at the edge.

-- A staff account's roles (STAFF_ROLES, src/domain/policy.ts); a citizen's or business's: none.
ALTER TABLE users ADD CONSTRAINT users_roles_check
  CHECK (roles <@ ARRAY['reception', 'specialist', 'leader', 'unit_admin']::text[]);

-- What a connected system's keys may do (INTEROP_SCOPES, src/domain/interop-grants.ts).
ALTER TABLE interop_systems ADD CONSTRAINT interop_systems_scopes_check
  CHECK (scopes <@ ARRAY['dossiers.submit', 'dossiers.read', 'residents.read', 'catalogue.push']::text[]);

-- The channels a person chose (NOTIFY_CHANNELS, src/domain/notifications.ts).
ALTER TABLE notification_preferences ADD CONSTRAINT notification_preferences_channels_check
  CHECK (channels <@ ARRAY['email', 'sms', 'zalo']::text[]);

-- The events a notification and a unit's template are of (NOTIFICATION_EVENTS, src/domain/notifications.ts):
-- one list for both columns, as dossier_status (0011).
CREATE DOMAIN notification_event AS text CONSTRAINT notification_event_known CHECK (VALUE IN (
  'dossier.submitted', 'dossier.received', 'dossier.supplement_requested', 'dossier.supplement_reminder',
  'dossier.payment_requested', 'dossier.payment_reminder', 'dossier.extended', 'dossier.refused', 'dossier.stopped',
  'dossier.result_ready', 'dossier.returned', 'staff.assigned', 'staff.consulted', 'staff.applicant_answered',
  'staff.digest', 'feedback.answered', 'feedback.follow_up', 'staff.feedback_forwarded', 'staff.feedback_assigned',
  'project.direction_given', 'project.direction_overdue'));
ALTER TABLE notifications ALTER COLUMN event TYPE notification_event;
ALTER TABLE notification_templates ALTER COLUMN event TYPE notification_event;

-- A report's category (FEEDBACK_CATEGORIES, src/domain/feedback.ts).
ALTER TABLE feedback_reports ADD CONSTRAINT feedback_reports_category_check
  CHECK (category IN ('roads_lighting', 'drainage', 'waste', 'order_safety', 'construction', 'admin_procedure', 'other'));
