-- Outgoing messages (SMS, email) through an outbox: a row is written in the same transaction as
-- the change that causes it and delivered after commit by a worker that any instance may run.

CREATE TABLE messages (
  id               uuid PRIMARY KEY,
  seq              bigserial NOT NULL UNIQUE,
  channel          text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient        text NOT NULL,
  subject          text,
  body             text NOT NULL,
  template         text NOT NULL,
  data             jsonb NOT NULL DEFAULT '{}',
  dedupe_key       text UNIQUE,
  user_id          uuid REFERENCES users(id),
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'expired')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  leased_by        text,
  last_error       text,
  provider_ref     text,
  expires_at       timestamptz,
  scrub_at         timestamptz,
  scrubbed_body    text,
  created_at       timestamptz NOT NULL,
  sent_at          timestamptz,
  CHECK ((scrub_at IS NULL) = (scrubbed_body IS NULL))
);
CREATE INDEX messages_due_idx ON messages (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX messages_recipient_idx ON messages (recipient, created_at);
CREATE INDEX messages_scrub_idx ON messages (scrub_at) WHERE scrub_at IS NOT NULL;
COMMENT ON TABLE messages IS 'Outbox of SMS and email messages. Written in the transaction of the change that causes them, delivered after commit by a worker (claim with FOR UPDATE SKIP LOCKED and a lease: next_attempt_at is the lease end while sending), retried with back-off, failed for good after MESSAGE_MAX_ATTEMPTS, never sent twice (dedupe_key, lease owner). A body holding a secret (a one-time code) is replaced by scrubbed_body at scrub_at.';
