-- Status events to connected systems (src/modules/interop, docs/INTEROP.md) leave through the
-- outbox, as a fourth channel beside SMS, email and Zalo: one message per event and system, its
-- body the signed JSON, its dedupe_key the event's idempotency key.
ALTER TABLE messages DROP CONSTRAINT IF EXISTS messages_channel_check;
ALTER TABLE messages ADD CONSTRAINT messages_channel_check CHECK (channel IN ('sms', 'email', 'zalo', 'webhook'));

-- Events of one dossier to one system share an ordering_key: a worker claims one only when no
-- earlier one with the same key is still waiting or being sent, so they arrive in order.
ALTER TABLE messages ADD COLUMN IF NOT EXISTS ordering_key text;
CREATE INDEX IF NOT EXISTS messages_ordering_idx ON messages (ordering_key, seq) WHERE ordering_key IS NOT NULL AND status IN ('pending', 'sending');
COMMENT ON COLUMN messages.ordering_key IS 'Messages with the same key are delivered one at a time, in seq order (a dossier''s status events to one connected system); null: no order.';
