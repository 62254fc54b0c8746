/** SQL of signed documents: the record of each one issued, its revocation, the lists that show them. */
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import type { SignedDocumentResource } from '../../domain/policy.ts';
import type { RowOf } from '../../db/rows.ts';

export type DocumentKind = 'result' | 'certified_copy';

export interface IssuedDocumentRow {
  id: string;
  kind: DocumentKind;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  owner_id: string;
  owner_name: string;
  dossier_id: string | null;
  dossier_code: string | null;
  title: string;
  upload_id: string;
  sha256: string;
  size: number;
  pages: number;
  certificate: string;
  certificate_subject: string;
  certificate_issuer: string;
  certificate_demo: boolean;
  certificate_not_after: string;
  issued_at: string;
  valid_until: string | null;
  revoked_at: string | null;
  revoked_reason: string | null;
}

const SELECT = sql`
  select doc.id, doc.kind, doc.unit_id, u.code as unit_code, u.name as unit_name, doc.owner_id, o.full_name as owner_name,
         doc.dossier_id, d.code as dossier_code, doc.title, doc.upload_id, doc.sha256, f.size, doc.pages, doc.certificate,
         c.subject as certificate_subject, c.issuer as certificate_issuer, c.demo as certificate_demo, c.not_after as certificate_not_after,
         doc.issued_at, doc.valid_until, doc.revoked_at, doc.revoked_reason
  from issued_documents doc
  join units u on u.id = doc.unit_id
  join users o on o.id = doc.owner_id
  join signing_certificates c on c.fingerprint = doc.certificate
  join files f on f.sha256 = doc.sha256
  left join dossiers d on d.id = doc.dossier_id`;

export const documentResource = (d: Pick<IssuedDocumentRow, 'owner_id' | 'unit_id'>): SignedDocumentResource => ({ ownerId: d.owner_id, unitId: d.unit_id });

export function loadDocument(ex: Executor, id: string, forUpdate = false): Promise<IssuedDocumentRow | null> {
  return maybeOne<IssuedDocumentRow>(ex, sql`${SELECT} where doc.id = ${id} ${forUpdate ? sql`for update of doc` : sql``}`);
}

/** The citizen's (or business's) electronic document store: newest first. */
export function listOwnedDocuments(ex: Executor, ownerId: string): Promise<IssuedDocumentRow[]> {
  return rows<IssuedDocumentRow>(ex, sql`${SELECT} where doc.owner_id = ${ownerId} order by doc.issued_at desc, doc.title`);
}

export function listDossierDocuments(ex: Executor, dossierId: string): Promise<IssuedDocumentRow[]> {
  return rows<IssuedDocumentRow>(ex, sql`${SELECT} where doc.dossier_id = ${dossierId} order by doc.issued_at, doc.title`);
}

/** Fingerprints of every certificate the unit has signed with. */
export async function unitCertificates(ex: Executor, unitId: string): Promise<string[]> {
  return (await rows<RowOf<'signing_certificates', { fingerprint: string }>>(ex, sql`select fingerprint from signing_certificates where unit_id = ${unitId}`)).map((r) => r.fingerprint);
}

export interface NewDocument {
  id: string;
  kind: DocumentKind;
  unitId: string;
  ownerId: string;
  dossierId: string | null;
  title: string;
  uploadId: string;
  sourceUploadId: string | null;
  sha256: string;
  pages: number;
  certificate: string;
  issuedBy: string;
}

export async function insertDocument(tx: Executor, d: NewDocument, at: Date): Promise<void> {
  await tx.execute(sql`
    insert into issued_documents (id, kind, unit_id, owner_id, dossier_id, title, upload_id, source_upload_id, sha256, pages, certificate, issued_by, issued_at)
    values (${d.id}, ${d.kind}, ${d.unitId}, ${d.ownerId}, ${d.dossierId}, ${d.title}, ${d.uploadId}, ${d.sourceUploadId}, ${d.sha256}, ${d.pages},
            ${d.certificate}, ${d.issuedBy}, ${at.toISOString()})`);
}

/** Marks a document revoked; false when it already was. */
export async function revokeDocument(tx: Executor, id: string, by: string, reason: string, at: Date): Promise<boolean> {
  const done = await rows<RowOf<'issued_documents', { id: string }>>(
    tx,
    sql`update issued_documents set revoked_at = ${at.toISOString()}, revoked_by = ${by}, revoked_reason = ${reason}
        where id = ${id} and revoked_at is null returning id`,
  );
  return done.length === 1;
}
