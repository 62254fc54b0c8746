/**
 * The wire shapes of signed documents (results, certified copies): what the API answers and the
 * web app reads. The server validates its answers with these schemas; the web imports the types.
 */
import { z } from 'zod';

export const DocumentStateSchema = z.enum(['valid', 'revoked', 'expired']);

/** What anyone holding the verification code sees: no personal data beyond a masked name. */
export const PublicDocumentView = z.object({
  id: z.uuid(),
  kind: z.enum(['result', 'certified_copy']),
  title: z.string(),
  issuingUnit: z.object({ code: z.string(), name: z.string() }),
  /** ISO 8601 at +07:00 */
  issuedAt: z.string(),
  dossierCode: z.string().nullable(),
  /** The holder's name with all but each word's first letter hidden. */
  holder: z.string(),
  /** SHA-256 of the signed PDF, lowercase hex. */
  sha256: z.string(),
  pages: z.number().int(),
  state: DocumentStateSchema,
  validUntil: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  certificate: z.object({
    subject: z.string(),
    issuer: z.string(),
    fingerprint: z.string(),
    /** A generated demonstration certificate, not a real one. */
    demo: z.boolean(),
    notAfter: z.string(),
  }),
  verifyUrl: z.string(),
});
export type PublicDocumentView = z.infer<typeof PublicDocumentView>;

/** The holder's (or an official's) view: the public one plus the file to download. */
export const DocumentView = PublicDocumentView.extend({
  fileUrl: z.string(),
  size: z.number().int(),
  /** The caller may revoke it (a leader of the issuing unit, while it is not revoked). */
  canRevoke: z.boolean(),
});
export type DocumentView = z.infer<typeof DocumentView>;

export const DocumentList = z.object({ items: z.array(DocumentView) });
export type DocumentList = z.infer<typeof DocumentList>;

export const FileCheckView = z.object({
  verdict: z.enum(['genuine', 'genuine_not_in_force', 'altered', 'other_document', 'unsigned']),
  sha256: z.string(),
  sameFile: z.boolean(),
  signatureIntact: z.boolean(),
  signedByIssuer: z.boolean(),
  /** The subject of the certificate that signed the file handed in, when it could be read. */
  signer: z.string().nullable(),
});
export type FileCheckView = z.infer<typeof FileCheckView>;

export const VerifyFileAnswer = z.object({ document: PublicDocumentView, file: FileCheckView });
export type VerifyFileAnswer = z.infer<typeof VerifyFileAnswer>;
