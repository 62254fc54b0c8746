/**
 * What the verification page says about a signed document the platform issued (a result, a
 * certified copy), and about a PDF someone hands in as that document. Pure: the caller checks the
 * file's hash and signature and loads the record; these functions judge.
 */

export type DocumentState = 'valid' | 'revoked' | 'expired';

/** Revoked (by a leader, with a reason) wins over expired; a document without an end date never expires. */
export function documentState(d: { revokedAt: Date | null; validUntil: Date | null }, now: Date): DocumentState {
  if (d.revokedAt && d.revokedAt <= now) return 'revoked';
  if (d.validUntil && d.validUntil <= now) return 'expired';
  return 'valid';
}

/** What was found in the file handed in. */
export interface FileCheck {
  /** SHA-256 of the whole file, lowercase hex. */
  sha256: string;
  signature: {
    present: boolean;
    /** The signed bytes are unchanged and the signature verifies. */
    intact: boolean;
    /** Nothing was appended after signing. */
    coversWholeFile: boolean;
    /** SHA-256 fingerprint of the signer's certificate, or null. */
    certificate: string | null;
  };
}

export type FileVerdict =
  /** The very file issued, and the document is in force. */
  | 'genuine'
  /** The very file issued, but the document was revoked or has expired. */
  | 'genuine_not_in_force'
  /** A signature is there but broken, or content was added after signing: the file was changed. */
  | 'altered'
  /** A whole, validly signed file, but not this document (another document, or another signer). */
  | 'other_document'
  /** No signature at all: a print-out scanned back, or another file. */
  | 'unsigned';

export interface FileJudgement {
  verdict: FileVerdict;
  /** Byte for byte the file issued (its hash is the one recorded). */
  sameFile: boolean;
  /** The file's signature is whole and covers the whole file. */
  signatureIntact: boolean;
  /** That signature is by one of the issuing unit's certificates. */
  signedByIssuer: boolean;
}

/**
 * Judges a file handed in against the record of the document it claims to be.
 * `issuerCertificates` are the fingerprints of every certificate the issuing unit has signed with.
 */
export function judgeFile(issued: { sha256: string; state: DocumentState; issuerCertificates: readonly string[] }, file: FileCheck): FileJudgement {
  const s = file.signature;
  const signatureIntact = s.present && s.intact && s.coversWholeFile;
  const signedByIssuer = signatureIntact && s.certificate !== null && issued.issuerCertificates.includes(s.certificate);
  const sameFile = file.sha256 === issued.sha256.toLowerCase();
  let verdict: FileVerdict;
  if (sameFile && signatureIntact) verdict = issued.state === 'valid' ? 'genuine' : 'genuine_not_in_force';
  else if (!s.present) verdict = 'unsigned';
  else if (!signatureIntact) verdict = 'altered';
  else verdict = 'other_document';
  return { verdict, sameFile, signatureIntact, signedByIssuer };
}
