-- The sweep of abandoned uploads (src/modules/files/files.sweep.ts) looks for old uploads and old
-- blobs; an upload is found unreferenced through dossier_documents(upload_id), and a blob through
-- uploads(sha256).
CREATE INDEX IF NOT EXISTS uploads_created_idx ON uploads (created_at);
CREATE INDEX IF NOT EXISTS uploads_sha256_idx ON uploads (sha256);
CREATE INDEX IF NOT EXISTS files_created_idx ON files (created_at);
CREATE INDEX IF NOT EXISTS dossier_documents_upload_idx ON dossier_documents (upload_id);
COMMENT ON COLUMN uploads.created_at IS 'When it was uploaded: an upload no dossier refers to is removed UPLOAD_RETENTION_HOURS later.';
