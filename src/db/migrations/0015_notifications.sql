-- Notifications (src/modules/notifications, docs/notifications.md): what a dossier event tells
-- the people it concerns, in the portal's inbox and through the outbox's channels.

-- Zalo (Zalo Notification Service) is a third outbox channel beside SMS and email.
ALTER TABLE messages DROP CONSTRAINT IF EXISTS messages_channel_check;
ALTER TABLE messages ADD CONSTRAINT messages_channel_check CHECK (channel IN ('sms', 'email', 'zalo'));
CREATE INDEX IF NOT EXISTS messages_failed_idx ON messages (seq) WHERE status = 'failed';

CREATE TABLE notifications (
  id          uuid PRIMARY KEY,
  seq         bigserial NOT NULL UNIQUE,
  user_id     uuid NOT NULL REFERENCES users(id),
  event       text NOT NULL,
  dossier_id  uuid REFERENCES dossiers(id),
  title_vi    text NOT NULL,
  body_vi     text NOT NULL,
  title_en    text NOT NULL,
  body_en     text NOT NULL,
  link        text,
  data        jsonb NOT NULL DEFAULT '{}',
  dedupe_key  text UNIQUE,
  created_at  timestamptz NOT NULL,
  read_at     timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, seq DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
COMMENT ON TABLE notifications IS 'The inbox: every notification a person received (a dossier event that concerns them, a reminder, an official''s digest), in Vietnamese and English, written in the transaction of the event; the outbox messages sent for it point back here (messages.notification_id). dedupe_key makes a reminder or a digest unique however many instances run.';

CREATE TABLE notification_templates (
  event           text NOT NULL,
  version         integer NOT NULL,
  effective_from  date NOT NULL,
  texts           jsonb NOT NULL,
  created_by      uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (event, version)
);
ALTER TABLE messages ADD COLUMN notification_id uuid REFERENCES notifications(id);
CREATE INDEX messages_notification_idx ON messages (notification_id) WHERE notification_id IS NOT NULL;

COMMENT ON TABLE notification_templates IS 'Texts of each notification (title, body, SMS; Vietnamese and English) as edited by a unit admin: every edit is a new version with the date it takes effect; the version in force on a date is the highest one effective by then, and the built-in text applies before the first.';

CREATE TABLE notification_preferences (
  user_id     uuid PRIMARY KEY REFERENCES users(id),
  channels    text[] NOT NULL,
  locale      text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
  updated_at  timestamptz NOT NULL
);
COMMENT ON TABLE notification_preferences IS 'The channels (email, sms, zalo) and language a person chose for notifications; without a row: every channel they have a verified contact for, in Vietnamese. The inbox always receives everything.';

CREATE TABLE notification_waits (
  id           uuid PRIMARY KEY,
  dossier_id   uuid NOT NULL REFERENCES dossiers(id),
  kind         text NOT NULL CHECK (kind IN ('supplement', 'payment')),
  requested_at timestamptz NOT NULL,
  deadline_at  timestamptz NOT NULL,
  remind_at    timestamptz NOT NULL,
  reminded_at  timestamptz,
  closed_at    timestamptz
);
CREATE INDEX notification_waits_due_idx ON notification_waits (remind_at) WHERE reminded_at IS NULL AND closed_at IS NULL;
CREATE INDEX notification_waits_dossier_idx ON notification_waits (dossier_id) WHERE closed_at IS NULL;
COMMENT ON TABLE notification_waits IS 'What a dossier waits for from its applicant (a supplement, a payment), with the deadline the notice gave and when to remind them; closed in the transaction of the event that ends the wait.';

-- A phone or email receives notices only once it is verified (by a one-time code, or by the desk
-- in front of the person); until then it receives nothing but its own verification code.
ALTER TABLE users ADD COLUMN IF NOT EXISTS phone_verified_at timestamptz;
ALTER TABLE users ADD COLUMN IF NOT EXISTS email_verified_at timestamptz;

-- A phone or email that changes is unverified again, whoever changes it and however.
CREATE FUNCTION users_contact_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.phone IS DISTINCT FROM OLD.phone AND NEW.phone_verified_at IS NOT DISTINCT FROM OLD.phone_verified_at THEN
    NEW.phone_verified_at := NULL;
  END IF;
  IF NEW.email IS DISTINCT FROM OLD.email AND NEW.email_verified_at IS NOT DISTINCT FROM OLD.email_verified_at THEN
    NEW.email_verified_at := NULL;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER users_contact_changed BEFORE UPDATE OF phone, email ON users FOR EACH ROW EXECUTE FUNCTION users_contact_changed();
COMMENT ON COLUMN users.phone_verified_at IS 'When a one-time code sent to this phone came back (or the demo seed); cleared by a trigger when the phone changes.';
