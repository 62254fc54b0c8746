import { formatVn } from '../../domain/calendar/index.ts';
import { maskName } from '../../domain/identifiers.ts';
import { can, type Actor } from '../../domain/policy.ts';
import { documentState } from '../../domain/signed-document.ts';
import type { DocumentView, PublicDocumentView } from '../../domain/signed-document.schemas.ts';
import { ts } from '../dossiers/dossiers.repo.ts';
import { verificationUrl } from './documents.issue.ts';
import { documentResource, type IssuedDocumentRow } from './documents.repo.ts';

const vn = (v: string | null) => (v === null ? null : formatVn(ts(v)!));

/** What the verification page shows anyone with the code. */
export function presentPublic(d: IssuedDocumentRow, publicUrl: string, now: Date): PublicDocumentView {
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    issuingUnit: { code: d.unit_code, name: d.unit_name },
    issuedAt: vn(d.issued_at)!,
    dossierCode: d.dossier_code,
    holder: maskName(d.owner_name),
    sha256: d.sha256,
    pages: Number(d.pages),
    state: documentState({ revokedAt: ts(d.revoked_at), validUntil: ts(d.valid_until) }, now),
    validUntil: vn(d.valid_until),
    revokedAt: vn(d.revoked_at),
    revokedReason: d.revoked_reason,
    certificate: {
      subject: d.certificate_subject,
      issuer: d.certificate_issuer,
      fingerprint: d.certificate,
      demo: d.certificate_demo,
      notAfter: vn(d.certificate_not_after)!,
    },
    verifyUrl: verificationUrl(publicUrl, d.id),
  };
}

/** The holder's and officials' view: with the file, and whether the caller may revoke it. */
export function presentDocument(d: IssuedDocumentRow, publicUrl: string, now: Date, actor: Actor): DocumentView {
  const view = presentPublic(d, publicUrl, now);
  return {
    ...view,
    fileUrl: `/api/v1/documents/${d.id}/file`,
    size: Number(d.size),
    canRevoke: view.state !== 'revoked' && can(actor, 'document.revoke', documentResource(d)),
  };
}
