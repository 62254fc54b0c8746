-- The Zalo Official Account's OAuth tokens (src/modules/messages/messages.zalo.ts). Zalo's refresh
-- token is single-use: each refresh returns the next one, so it lives in the database, shared by
-- every instance, and is refreshed under a row lock.
CREATE TABLE zalo_oa_tokens (
  app_id             text PRIMARY KEY,
  access_token       text,
  access_expires_at  timestamptz,
  refresh_token      text NOT NULL,
  seeded_from        text NOT NULL,
  updated_at         timestamptz NOT NULL
);
COMMENT ON TABLE zalo_oa_tokens IS 'OAuth tokens of the Zalo Official Account that sends ZNS notices: the access token (25 hours) and the single-use refresh token that replaces itself at each refresh. Seeded from ZALO_REFRESH_TOKEN on first use, and again whenever that setting changes (seeded_from: the value it was seeded from).';
