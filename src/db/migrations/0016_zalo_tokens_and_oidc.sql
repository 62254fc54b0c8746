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

-- Sign-in with the national identity (VNeID) through OpenID Connect (src/modules/national-id).
CREATE TABLE oidc_logins (
  state_hash    text PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce         text NOT NULL,
  return_to     text,
  link_user_id  uuid REFERENCES users(id),
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX oidc_logins_expiry_idx ON oidc_logins (expires_at);
COMMENT ON TABLE oidc_logins IS 'Sign-ins with the national identity under way: the PKCE verifier and nonce of each, keyed by the SHA-256 of its state (the browser holds the state in a cookie). Used once, within 10 minutes, by whichever instance receives the callback.';

CREATE TABLE oidc_identities (
  issuer         text NOT NULL,
  subject        text NOT NULL,
  user_id        uuid NOT NULL REFERENCES users(id),
  id_number      text NOT NULL,
  linked_at      timestamptz NOT NULL,
  last_login_at  timestamptz NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX oidc_identities_user_idx ON oidc_identities (user_id);
COMMENT ON TABLE oidc_identities IS 'A citizen record linked to a national identity (issuer + subject) by its verified ID-number claim; an unverified or mismatched claim links nothing.';
