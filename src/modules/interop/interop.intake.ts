import { sql } from 'drizzle-orm';
import { maybeOne, type Database, type Executor } from '../../db/client.ts';
import { vnDateOf } from '../../domain/calendar/index.ts';
import { AppError } from '../../domain/errors.ts';
import { sha256Hex } from '../../domain/interop.ts';
import { validateSubmission } from '../../domain/procedure.ts';
import { defaultResultDelivery } from '../../domain/result-delivery.ts';
import { findOrCreateApplicant } from '../accounts/applicants.service.ts';
import { audit } from '../audit/audit.ts';
import { createDossier } from '../dossiers/dossiers.service.ts';
import type { DossierRow } from '../dossiers/dossiers.repo.ts';
import type { BlobStore } from '../files/storage.ts';
import { getProcedure } from '../procedures/procedures.service.ts';
import { storeAttachments } from './interop.attachments.ts';
import { publishDossierEvents } from './interop.outbound.ts';
import type { IntakeInput } from '../../contract/interop.ts';
import type { ConnectedSystem } from './interop.systems.ts';
import type { RowOf } from '../../db/rows.ts';

const UNIQUE_VIOLATION = '23505';

/** JSON with keys in order: the same dossier sent again hashes the same, however its sender orders keys. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The personal data an incoming dossier brought (named in the audit entry, never the values). */
const personalDataIn = (a: IntakeInput['applicant']) =>
  (['fullName', 'cccd', 'mst', 'birthDate', 'gender', 'phone', 'email', 'address'] as const).filter((k) => a[k] !== undefined);

async function existingIntake(ex: Executor, system: ConnectedSystem, externalCode: string, bodyHash: string): Promise<DossierRow | null> {
  const found = await maybeOne<DossierRow & RowOf<'interop_intake', { body_sha256: string }>>(
    ex,
    sql`select d.*, i.body_sha256 from interop_intake i join dossiers d on d.id = i.dossier_id
        where i.system_id = ${system.id} and i.external_code = ${externalCode}`,
  );
  if (!found) return null;
  if (found.body_sha256 !== bodyHash) throw new AppError('INTEROP_DOSSIER_CONFLICT', { code: found.code, externalCode });
  return found;
}

export interface IntakeDeps {
  database: Database;
  blobs: BlobStore;
  maxUploadBytes: number;
  defaultUnitCode: string;
}

/**
 * Files a dossier a connected system forwarded (the national portal: the applicant filed there,
 * signed in with VNeID). Idempotent by the sender's dossier code: the same code with the same
 * content returns the dossier already filed (`created: false`), with another content is refused.
 * The dossier then runs the normal lifecycle, as an online dossier of the applicant, its code at
 * the sender kept beside ours. Audited with the personal data it brought in.
 * @throws AppError INTEROP_DOSSIER_CONFLICT, PROCEDURE_NOT_FOUND, SUBMISSION_INCOMPLETE, APPLICANT_NOT_ALLOWED,
 * APPLICANT_IDENTITY_MISMATCH, CCCD_INVALID, MST_INVALID, PHONE_INVALID, UNIT_NOT_FOUND, INTEROP_ATTACHMENT_INVALID
 */
export async function intakeDossier(
  deps: IntakeDeps,
  system: ConnectedSystem,
  input: IntakeInput,
  o: { now: Date; requestId: string; ip: string },
): Promise<{ dossier: DossierRow; created: boolean }> {
  const bodyHash = sha256Hex(canonicalJson(input));
  const already = await existingIntake(deps.database.db, system, input.externalCode, bodyHash);
  if (already) return { dossier: already, created: false };

  // Checked before anything is stored: a dossier that cannot be filed leaves no applicant or file behind.
  const proc = await getProcedure(deps.database.db, input.procedureCode, undefined, vnDateOf(o.now));
  const def = proc.definition;
  const check = validateSubmission(def, input.formData, input.documents.map((d) => ({ requirementId: d.requirementId, fileId: d.requirementId })));
  if (!check.ok) throw new AppError('SUBMISSION_INCOMPLETE', { problems: check.problems });
  const unitCode = input.unitCode ?? deps.defaultUnitCode;
  const unit = await maybeOne<RowOf<'units', { id: string; code: string }>>(deps.database.db, sql`select id, code from units where code = ${unitCode}`);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { unitCode });

  const a = input.applicant;
  const applicant = await deps.database.transaction((tx) =>
    findOrCreateApplicant(
      tx,
      {
        kind: a.kind,
        fullName: a.fullName,
        cccd: a.cccd,
        mst: a.mst,
        birthYear: a.birthDate ? Number(a.birthDate.slice(0, 4)) : undefined,
        gender: a.gender,
        phone: a.phone,
        email: a.email,
        address: a.address,
      },
      o.now,
    ),
  );
  if (def.applicant !== 'both' && def.applicant !== applicant.kind) throw new AppError('APPLICANT_NOT_ALLOWED');
  const callbackOrigin = system.callbackUrl ? new URL(system.callbackUrl).origin : null;
  const documents = await storeAttachments({ database: deps.database, blobs: deps.blobs, maxBytes: deps.maxUploadBytes }, input.documents, {
    uploadedBy: applicant.id,
    allowedOrigin: callbackOrigin,
    now: o.now,
  });

  const attempt = () =>
    deps.database.transaction(async (tx) => {
      const again = await existingIntake(tx, system, input.externalCode, bodyHash);
      if (again) return { dossier: again, created: false };
      const dossier = await createDossier(tx, {
        def,
        procedureVersion: proc.version,
        unit,
        applicant,
        channel: 'online',
        formData: input.formData,
        documents,
        idempotencyKey: null,
        submittedBy: applicant.id,
        actorRole: 'applicant',
        resultDelivery: input.resultDelivery ?? defaultResultDelivery('online'),
        origin: { systemId: system.id, systemCode: system.code, externalCode: input.externalCode },
        now: o.now,
      });
      await tx.execute(sql`insert into interop_intake (system_id, external_code, dossier_id, body_sha256, received_at)
                           values (${system.id}, ${input.externalCode}, ${dossier.id}, ${bodyHash}, ${o.now.toISOString()})`);
      await audit(
        tx,
        {
          actorId: null,
          action: 'interop_dossier_intake',
          entityType: 'dossier',
          entityId: dossier.code,
          details: {
            system: system.code,
            externalCode: input.externalCode,
            channel: input.channel,
            filedAt: input.filedAt,
            verifiedBy: a.verifiedBy,
            payment: input.payment,
            personalDataIn: personalDataIn(a),
            documents: documents.length,
          },
          requestId: o.requestId,
          ip: o.ip,
        },
        o.now,
      );
      await publishDossierEvents(tx, dossier, 1, o.now);
      return { dossier, created: true };
    });
  try {
    return await attempt();
  } catch (err) {
    // The same dossier delivered twice at once: the loser of the race returns the winner's.
    const e = err as { code?: string; cause?: { code?: string } };
    if ((e.code ?? e.cause?.code) === UNIQUE_VIOLATION) return attempt();
    throw err;
  }
}
