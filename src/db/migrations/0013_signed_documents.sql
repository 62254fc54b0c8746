-- Signed electronic documents (issue 9): the unit's signing certificate, every document the
-- platform issued with it (results, later certified copies), and their revocation. A document's
-- id is its verification code: the QR code printed on it opens /xac-minh/<id>.

CREATE TABLE signing_keys (
  unit_id     uuid PRIMARY KEY REFERENCES units(id),
  p12_base64  text NOT NULL,
  password    text NOT NULL,
  demo        boolean NOT NULL,
  created_at  timestamptz NOT NULL
);
COMMENT ON TABLE signing_keys IS 'A unit''s signing key when none is configured (SIGNING_P12_FILE): a self-signed DEMO certificate generated on first start, labelled as such in its subject. A real key is never stored here; it stays in its PKCS#12 file.';

CREATE TABLE signing_certificates (
  fingerprint  text PRIMARY KEY,
  unit_id      uuid NOT NULL REFERENCES units(id),
  subject      text NOT NULL,
  issuer       text NOT NULL,
  demo         boolean NOT NULL,
  not_before   timestamptz NOT NULL,
  not_after    timestamptz NOT NULL,
  cert_der     text NOT NULL,
  first_used   timestamptz NOT NULL
);
CREATE INDEX signing_certificates_unit_idx ON signing_certificates (unit_id);
COMMENT ON TABLE signing_certificates IS 'Every certificate a unit has signed with (SHA-256 fingerprint of the DER, the DER in base64): a signature checks out as the unit''s when its certificate is listed here for that unit, also after the unit changes certificates.';

CREATE TABLE issued_documents (
  id                uuid PRIMARY KEY,
  kind              text NOT NULL CHECK (kind IN ('result', 'certified_copy')),
  unit_id           uuid NOT NULL REFERENCES units(id),
  owner_id          uuid NOT NULL REFERENCES users(id),
  dossier_id        uuid REFERENCES dossiers(id),
  title             text NOT NULL,
  upload_id         uuid NOT NULL REFERENCES uploads(id),
  source_upload_id  uuid REFERENCES uploads(id),
  sha256            text NOT NULL,
  pages             integer NOT NULL,
  certificate       text NOT NULL REFERENCES signing_certificates(fingerprint),
  issued_by         uuid NOT NULL REFERENCES users(id),
  issued_at         timestamptz NOT NULL,
  valid_until       timestamptz,
  revoked_at        timestamptz,
  revoked_by        uuid REFERENCES users(id),
  revoked_reason    text,
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL) AND (revoked_at IS NULL) = (revoked_reason IS NULL))
);
CREATE INDEX issued_documents_owner_idx ON issued_documents (owner_id, issued_at DESC);
CREATE INDEX issued_documents_dossier_idx ON issued_documents (dossier_id);
CREATE INDEX issued_documents_sha_idx ON issued_documents (sha256);
COMMENT ON TABLE issued_documents IS 'Documents the platform issued signed with a unit''s certificate: dossier results and certified copies. The id is the public verification code (QR → /xac-minh/<id>); sha256 is the signed PDF''s hash; owner_id puts it in the citizen''s electronic document store. Revocation (by a unit leader, with a reason) is the only change ever made to a row.';

-- How the applicant chose, at submission, to receive the result (Circular 03/2025 form 01 says it):
-- at the desk, by post, or electronically (the signed file in their document store). Null on dossiers
-- filed before the choice existed: the receipt then follows the channel.
ALTER TABLE dossiers ADD COLUMN result_delivery text CHECK (result_delivery IN ('desk', 'post', 'electronic'));
COMMENT ON COLUMN dossiers.result_delivery IS 'The applicant''s choice at submission: desk, post or electronic; null for dossiers filed before it was asked.';
