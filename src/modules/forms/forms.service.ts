/**
 * Loads what the printed forms show about a dossier (procedure version, units, officers,
 * documents, supplement items) and hands it to the PDF builders. Reads only.
 */
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import type { ProcedureDefinition } from '../../domain/procedure.ts';
import { ts, type DossierRow } from '../dossiers/dossiers.repo.ts';
import type { ResultDelivery } from '../../domain/result-delivery.ts';
import type { ExternalCode, Issuer } from './form-parts.ts';
import { templateFor } from './forms.templates.ts';
import type { ReceiptData } from './receipt.pdf.ts';
import type { SupplementData } from './supplement.pdf.ts';
import { placeOfUnit, shortParentName } from './wording.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

export interface FormsConfig {
  /** `PUBLIC_URL`, without a trailing slash. */
  publicUrl: string;
  /** `PARENT_UNIT_NAME`: the parent body when the unit has none recorded. */
  parentName: string;
}

/** The one-stop desk's name when the receiving officer has no department recorded. */
const DEFAULT_DESK = 'Bộ phận Một cửa';

export const trackingUrl = (cfg: FormsConfig, code: string) => `${cfg.publicUrl}/tra-cuu/${encodeURIComponent(code)}`;

interface Context {
  def: ProcedureDefinition;
  issuer: Issuer;
}

/** The dossier's procedure version and the agency that received it (with its parent body). */
export async function contextOf(ex: Executor, d: DossierRow, cfg: FormsConfig): Promise<Context> {
  const row = await maybeOne<RowOf<'procedure_versions', { definition: ProcedureDefinition }> & Computed<{ unit_name: string; parent_name: string | null }>>(
    ex,
    sql`select v.definition, u.name as unit_name, p.name as parent_name
        from procedure_versions v
        join units u on u.id = ${d.receiving_unit_id}
        left join units p on p.id = u.parent_id
        where v.procedure_code = ${d.procedure_code} and v.version = ${d.procedure_version}`,
  );
  if (!row) throw new AppError('PROCEDURE_NOT_FOUND');
  const parent = row.parent_name ?? (cfg.parentName.trim() || null);
  return {
    def: row.definition,
    issuer: { parentName: parent ? shortParentName(parent) : null, agencyName: row.unit_name, place: placeOfUnit(row.unit_name) },
  };
}

/** What each kind of connected system is called on a form. */
const ORIGIN_WORDS: Record<string, string> = {
  national_portal: 'Cổng Dịch vụ công quốc gia',
  provincial_system: 'hệ thống của tỉnh',
  unit_system: 'hệ thống của đơn vị chuyển đến',
};

/** The dossier's code at the system that forwarded it (the national portal's), printed beside ours; null for one filed here. */
export async function externalCodeOf(ex: Executor, d: DossierRow): Promise<ExternalCode | null> {
  if (!d.external_code) return null;
  const kind = d.origin_system_id
    ? (await maybeOne<RowOf<'interop_systems', { kind: string }>>(ex, sql`select kind from interop_systems where id = ${d.origin_system_id}`))?.kind
    : undefined;
  return { origin: ORIGIN_WORDS[kind ?? 'national_portal'] ?? ORIGIN_WORDS.national_portal!, code: d.external_code };
}

export interface EventActor {
  at: string;
  full_name: string;
  department_name: string | null;
  roles: string[];
}

/** The latest event of `action` (optionally of one supplement round) with its actor. */
function lastEvent(ex: Executor, dossierId: string, action: string, round?: number) {
  return maybeOne<EventActor>(
    ex,
    sql`select e.at, u.full_name, dep.name as department_name, u.roles
        from dossier_events e join users u on u.id = e.actor_id left join departments dep on dep.id = u.department_id
        where e.dossier_id = ${dossierId} and e.action = ${action}
          ${round === undefined ? sql`` : sql`and (e.data->>'round')::int = ${round}`}
        order by e.seq desc limit 1`,
  );
}

/**
 * Data of form 01 for a received dossier.
 * @throws AppError DOSSIER_ACTION_NOT_ALLOWED when the dossier has not been received (no receipt yet),
 * or has no appointment date (received before an unconfirmed time limit needed the officer's date:
 * a receipt never reads "Hẹn trả kết quả: Cần xác nhận")
 */
export async function loadReceiptData(ex: Executor, d: DossierRow, cfg: FormsConfig): Promise<ReceiptData> {
  const receivedAt = ts(d.received_at);
  if (!receivedAt) throw new AppError('DOSSIER_ACTION_NOT_ALLOWED', { reason: 'not_received', status: d.status });
  const dueAt = ts(d.due_at);
  if (!dueAt) throw new AppError('DOSSIER_ACTION_NOT_ALLOWED', { reason: 'no_appointment', status: d.status });
  const { def, issuer } = await contextOf(ex, d, cfg);
  const officer = await lastEvent(ex, d.id, 'receive');
  const attached = await rows<RowOf<'dossier_documents', { requirement_id: string }> & Computed<{ n: number }>>(
    ex,
    sql`select requirement_id, count(*)::int as n from dossier_documents
        where dossier_id = ${d.id} and purpose = 'application' and not superseded group by requirement_id`,
  );
  const counts = new Map(attached.map((a) => [a.requirement_id, Number(a.n)]));
  const delivery = await maybeOne<RowOf<'dossiers', { result_delivery: ResultDelivery | null }>>(ex, sql`select result_delivery from dossiers where id = ${d.id}`);
  return {
    template: await templateFor(ex, '01', receivedAt),
    issuer,
    code: d.code,
    externalCode: await externalCodeOf(ex, d),
    receivingDesk: officer?.department_name ?? DEFAULT_DESK,
    applicant: d.applicant,
    procedure: { code: def.code, name: def.name, timeLimit: def.timeLimit },
    // In the procedure's order; only what was actually received.
    documents: def.documents.filter((r) => (counts.get(r.id) ?? 0) > 0).map((r) => ({ name: r.name, kind: r.kind, count: counts.get(r.id)! })),
    sets: 1,
    fees: def.fees.map((f) => ({ name: f.name, amountVnd: f.amountVnd })),
    receivedAt,
    // The appointment given at receipt (or at the restart after a supplement), not a later extension.
    dueAt,
    appointmentReason: d.appointment_reason,
    officerName: officer?.full_name ?? null,
    trackingUrl: trackingUrl(cfg, d.code),
    channel: d.channel,
    resultDelivery: delivery?.result_delivery ?? null,
  };
}

/**
 * Data of form 02 for the dossier's latest request to supplement.
 * @throws AppError DOSSIER_ACTION_NOT_ALLOWED when no supplement was ever requested
 */
export async function loadSupplementData(ex: Executor, d: DossierRow, cfg: FormsConfig): Promise<SupplementData> {
  const round = d.supplement_rounds;
  if (round < 1) throw new AppError('DOSSIER_ACTION_NOT_ALLOWED', { reason: 'no_supplement_request', status: d.status });
  const { def, issuer } = await contextOf(ex, d, cfg);
  const items = await rows<RowOf<'supplement_items', { target_type: 'document' | 'field'; target_key: string; reason: string; created_at: string }>>(
    ex,
    sql`select target_type, target_key, reason, created_at from supplement_items
        where dossier_id = ${d.id} and round = ${round} order by created_at, id`,
  );
  const request = await lastEvent(ex, d.id, 'request_supplement', round);
  const receiver = await lastEvent(ex, d.id, 'receive');
  const nameOf = (type: 'document' | 'field', key: string) =>
    (type === 'document' ? def.documents.find((x) => x.id === key)?.name : def.formFields.find((x) => x.key === key)?.label) ?? key;
  const desk = receiver?.department_name ?? (request?.roles.includes('reception') ? request.department_name : null) ?? DEFAULT_DESK;
  const requestedAt = ts(request?.at ?? items[0]?.created_at ?? d.submitted_at)!;
  return {
    template: await templateFor(ex, '02', requestedAt),
    issuer,
    code: d.code,
    externalCode: await externalCodeOf(ex, d),
    applicant: d.applicant,
    procedure: { code: def.code, name: def.name },
    round,
    requestedAt,
    items: items.map((i) => ({ targetType: i.target_type, targetName: nameOf(i.target_type, i.target_key), reason: i.reason })),
    officerName: request?.full_name ?? null,
    contactDesk: `${desk}, ${issuer.agencyName}`,
    trackingUrl: trackingUrl(cfg, d.code),
  };
}

/** The desk that received the dossier (the receiving officer's department), "Bộ phận Một cửa" when not known. */
export async function deskOf(ex: Executor, d: DossierRow): Promise<string> {
  return (await lastEvent(ex, d.id, 'receive'))?.department_name ?? DEFAULT_DESK;
}
