-- Verified identity (issue 6 §1, docs/identity.md): one-time codes, counters for rate limits,
-- sign-ups waiting for a code, forced password changes, officials' two-factor sign-in.

CREATE TABLE one_time_codes (
  id            uuid PRIMARY KEY,
  purpose       text NOT NULL CHECK (purpose ~ '^[a-z_]{1,40}$'),
  subject       text NOT NULL,
  channel       text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient     text NOT NULL,
  code_hash     text NOT NULL,
  attempts      integer NOT NULL DEFAULT 0,
  max_attempts  integer NOT NULL,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  consumed_at   timestamptz,
  message_id    uuid REFERENCES messages(id)
);
CREATE INDEX one_time_codes_subject_idx ON one_time_codes (purpose, subject, created_at);
CREATE INDEX one_time_codes_expiry_idx ON one_time_codes (expires_at);
COMMENT ON TABLE one_time_codes IS 'One-time codes sent by SMS or email (src/modules/otp): 6 digits, stored only as a keyed hash (HMAC-SHA-256 with a key derived from SESSION_SECRET), for a purpose (sign_up, claim_record, password_reset…) and a subject (the sign-up, the account…). A code is spent when used, after max_attempts wrong tries, or when a newer code for the same purpose and subject is sent.';

CREATE TABLE rate_counters (
  key           text NOT NULL,
  window_start  timestamptz NOT NULL,
  count         integer NOT NULL,
  PRIMARY KEY (key, window_start)
);
CREATE INDEX rate_counters_window_idx ON rate_counters (window_start);
COMMENT ON TABLE rate_counters IS 'Fixed-window counters shared by every app instance (an atomic upsert per event), e.g. one-time codes sent per phone number and per client address per hour. Old windows are deleted as new ones are counted.';

CREATE TABLE sign_ups (
  id             uuid PRIMARY KEY,
  kind           text NOT NULL CHECK (kind IN ('citizen', 'business')),
  login          text NOT NULL,
  full_name      text NOT NULL,
  birth_year     integer,
  gender         text CHECK (gender IN ('male', 'female')),
  phone          text NOT NULL,
  email          text,
  address        text,
  password_hash  text NOT NULL,
  record_id      uuid REFERENCES users(id),
  code_channel   text CHECK (code_channel IN ('sms', 'email')),
  code_recipient text,
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'cancelled')),
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  ended_at       timestamptz,
  verified_by    uuid REFERENCES users(id),
  user_id        uuid REFERENCES users(id),
  ip             text
);
CREATE INDEX sign_ups_login_idx ON sign_ups (login, status);
COMMENT ON TABLE sign_ups IS 'Online sign-ups waiting for proof: a code sent to the phone given (a new account) or to the phone or email ON RECORD (record_id: a citizen or business first met at the desk), or a reception officer who verified the person in front of them (verified_by). Nothing is written to users, and no session is opened, before that proof.';

ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN password_changed_at timestamptz;
ALTER TABLE users ADD COLUMN totp_secret text;
ALTER TABLE users ADD COLUMN totp_pending_secret text;
ALTER TABLE users ADD COLUMN totp_enabled_at timestamptz;
ALTER TABLE users ADD COLUMN totp_last_step bigint;
COMMENT ON COLUMN users.must_change_password IS 'Set when a unit admin resets an official''s password: until they choose their own, the session may only change it.';
COMMENT ON COLUMN users.totp_secret IS 'The TOTP (RFC 6238) secret of an enrolled authenticator, sealed with AES-256-GCM under a key derived from SESSION_SECRET; totp_last_step is the last time step accepted (a code is never accepted twice).';

CREATE TABLE recovery_codes (
  user_id     uuid NOT NULL REFERENCES users(id),
  code_hash   text NOT NULL,
  created_at  timestamptz NOT NULL,
  used_at     timestamptz,
  PRIMARY KEY (user_id, code_hash)
);
COMMENT ON TABLE recovery_codes IS 'Single-use recovery codes of two-factor sign-in (10 per enrolment, shown once), stored as SHA-256 of the user id and the code.';

CREATE TABLE sign_in_challenges (
  id_hash     text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users(id),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  attempts    integer NOT NULL DEFAULT 0
);
CREATE INDEX sign_in_challenges_expiry_idx ON sign_in_challenges (expires_at);
COMMENT ON TABLE sign_in_challenges IS 'A password accepted for an account with two-factor sign-in: the second step (authenticator or recovery code) must follow within 5 minutes; only the SHA-256 of the token given to the client is stored.';
