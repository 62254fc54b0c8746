/**
 * Certifying electronic copies at the desk (chứng thực bản sao điện tử từ bản chính): the citizen
 * presents originals, the officer scans each (one PDF or several page images), and in one
 * transaction every copy gets the next number of the unit's register, an attestation page, the
 * QR verification mark and the unit's signature; it lands in the citizen's document store, and an
 * email with the links goes through the outbox. Numbers never skip: a failure rolls its number back.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Database } from '../../db/client.ts';
import { vnDateOf } from '../../domain/calendar/index.ts';
import { certificationFee, registerBook, registerNumber } from '../../domain/certification.ts';
import { AppError } from '../../domain/errors.ts';
import { authorize } from '../../domain/policy.ts';
import type { SessionUser } from '../../server/auth.ts';
import { findOrCreateApplicant } from '../accounts/applicants.service.ts';
import { audit } from '../audit/audit.ts';
import { issueSignedDocument, verificationUrl, type IssueDeps } from '../documents/documents.issue.ts';
import { readBlob } from '../documents/documents.results.ts';
import { enqueueMessage } from '../messages/index.ts';
import type { SigningUnit } from '../signing/unit-signer.ts';
import { placeOfUnit, shortParentName } from '../forms/wording.ts';
import { insertCertification, nextRegisterNumber } from './certifications.repo.ts';
import { lazy } from '../../lazy.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

// PDF work loads pdf-lib: on the first certification, not at start-up.
const documentFromFiles = lazy(() => import('../signing/stamp.ts'), 'documentFromFiles');
const buildAttestationPdf = lazy(() => import('./attestation.pdf.ts'), 'buildAttestationPdf');
import type { CertifyInput } from '../../contract/certifications.ts';

export interface CertifyDeps extends IssueDeps {
  database: Database;
  parentName: string;
}

/**
 * One visit: every document presented is certified, numbered, signed and delivered.
 * @throws AppError FORBIDDEN (not a reception officer), FILE_NOT_FOUND (a scan the officer did not
 * upload), DOCUMENT_FILE_UNSUPPORTED, and the applicant checks of the desk (CCCD_INVALID,
 * APPLICANT_IDENTITY_MISMATCH…)
 */
export async function certifyVisit(deps: CertifyDeps, actor: SessionUser, input: CertifyInput, now: Date, ctx: { requestId: string; ip: string }) {
  const officer = authorize(actor, 'certification.perform', null);
  const unit = (await maybeOne<SigningUnit & Computed<{ parent: string | null }>>(
    deps.database.db,
    sql`select u.id, u.code, u.name, p.name as parent from units u left join units p on p.id = u.parent_id where u.id = ${officer.unitId}`,
  ))!;
  const parent = unit.parent ?? (deps.parentName.trim() || null);
  const issuer = { parentName: parent ? shortParentName(parent) : null, agencyName: unit.name, place: placeOfUnit(unit.name) };
  const today = vnDateOf(now);
  const year = Number(today.slice(0, 4));
  const book = registerBook(year);
  const visitId = randomUUID();

  const result = await deps.database.transaction(async (tx) => {
    const citizen = await findOrCreateApplicant(tx, input.applicant, now);
    const ids: string[] = [];
    for (const doc of input.documents) {
      const uploads = await rows<RowOf<'uploads', { id: string; sha256: string }> & RowOf<'files', { mime: string }>>(
        tx,
        sql`select up.id, up.sha256, f.mime from uploads up join files f on f.sha256 = up.sha256
            where up.uploaded_by = ${officer.id} and up.id in (${sql.join(doc.fileIds.map((id) => sql`${id}`), sql`, `)})`,
      );
      const scans = [];
      for (const fileId of doc.fileIds) {
        const up = uploads.find((u) => u.id === fileId);
        if (!up) throw new AppError('FILE_NOT_FOUND', { fileId });
        scans.push({ bytes: await readBlob(deps.blobs, up.sha256), mime: up.mime });
      }
      const pages = (await documentFromFiles(scans)).getPageCount();
      // The number is taken just before it is printed: the counter stays locked until commit.
      const number = await nextRegisterNumber(tx, unit.id, year);
      const attestation = await buildAttestationPdf({ issuer, documentName: doc.name, pages, number: registerNumber(number), book, date: now, officerName: officer.fullName });
      const issued = await issueSignedDocument(
        tx,
        deps,
        {
          kind: 'certified_copy',
          unit,
          ownerId: citizen.id,
          dossierId: null,
          title: `Bản sao điện tử được chứng thực từ bản chính: ${doc.name}`,
          sources: [...scans, { bytes: attestation, mime: 'application/pdf' }],
          sourceUploadId: doc.fileIds[0]!,
          fileName: `ban-sao-chung-thuc-${year}-${registerNumber(number)}.pdf`,
          reason: 'Chứng thực bản sao điện tử từ bản chính',
          issuedBy: officer.id,
        },
        now,
      );
      const id = randomUUID();
      await insertCertification(
        tx,
        {
          id,
          unitId: unit.id,
          year,
          number,
          book,
          visitId,
          citizenId: citizen.id,
          documentName: doc.name,
          pages,
          copies: doc.copies,
          feeVnd: certificationFee(pages, doc.copies, today),
          documentId: issued.id,
          certifiedBy: officer.id,
        },
        now,
      );
      ids.push(issued.id);
    }
    await audit(tx, { actorId: officer.id, action: 'certify_copies', entityType: 'certification', entityId: visitId, details: { citizen: citizen.login, documents: input.documents.length }, ...ctx }, now);
    const emailTo = input.email ?? citizen.email;
    if (emailTo) {
      const list = input.documents.map((d, i) => `- ${d.name}: ${verificationUrl(deps.publicUrl, ids[i]!)}`).join('\n');
      await enqueueMessage(
        tx,
        { channel: 'email', recipient: emailTo, template: 'document.certified_copies', data: { unit: unit.name, list, count: input.documents.length }, dedupeKey: `certified:${visitId}`, userId: citizen.id },
        now,
      );
    }
    return { emailedTo: emailTo ?? null };
  });
  return { visitId, emailedTo: result.emailedTo };
}
