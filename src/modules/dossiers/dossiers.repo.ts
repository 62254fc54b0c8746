import { sql, type SQL } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import type { Status } from '../../domain/dossier-state.ts';
import type { DossierResource } from '../../domain/policy.ts';

/** A dossier row as stored (the projection of its events). */
export interface DossierRow {
  id: string;
  code: string;
  procedure_code: string;
  procedure_version: number;
  receiving_unit_id: string;
  handling_unit_id: string;
  department_id: string | null;
  assignee_id: string | null;
  applicant_id: string;
  applicant: ApplicantSnapshot;
  channel: 'online' | 'in_person' | 'post';
  status: Status;
  resume_status: Status | null;
  form_data: Record<string, unknown>;
  submitted_at: string;
  received_at: string | null;
  clock_started_at: string | null;
  due_at: string | null;
  original_due_at: string | null;
  extended: boolean;
  paused_at: string | null;
  finished_at: string | null;
  returned_at: string | null;
  outcome: string | null;
  supplement_rounds: number;
  submitted_by: string;
  version: number;
}

export interface ApplicantSnapshot {
  kind: 'citizen' | 'business';
  fullName: string;
  idNumber: string;
  phone: string | null;
  email: string | null;
  address: string | null;
}

/** What the policy needs of a dossier to say who may read it (no query). */
export const scopeOf = (d: DossierRow): DossierResource => ({
  applicantId: d.applicant_id,
  submittedBy: d.submitted_by,
  receivingUnitId: d.receiving_unit_id,
  handlingUnitId: d.handling_unit_id,
  assigneeId: d.assignee_id,
  departmentId: d.department_id,
});

/**
 * What the policy needs of a dossier to say who may act on it: its scope and, while a
 * consultation is open, the department consulted (from the consult event).
 */
export async function resourceOf(ex: Executor, d: DossierRow): Promise<DossierResource> {
  if (d.status !== 'consulting') return scopeOf(d);
  const consult = await maybeOne<{ department_id: string | null }>(
    ex,
    sql`select data->>'departmentId' as department_id from dossier_events
        where dossier_id = ${d.id} and action = 'consult' order by seq desc limit 1`,
  );
  return { ...scopeOf(d), consultedDepartmentId: consult?.department_id ?? null };
}

export async function loadDossier(ex: Executor, code: string, forUpdate = false): Promise<DossierRow | null> {
  return maybeOne<DossierRow>(ex, sql`select * from dossiers where code = ${code} ${forUpdate ? sql`for update` : sql``}`);
}

/** Atomically takes the next per-unit, per-day sequence number (unique under any concurrency). */
export async function nextSequence(tx: Executor, unitId: string, day: string): Promise<number> {
  const row = await maybeOne<{ last: number }>(
    tx,
    sql`insert into dossier_counters (unit_id, day, last) values (${unitId}, ${day}, 1)
        on conflict (unit_id, day) do update set last = dossier_counters.last + 1 returning last`,
  );
  return row!.last;
}

/** Columns an action may change, in SQL names. */
export type DossierPatch = Partial<{
  status: Status;
  resume_status: Status | null;
  handling_unit_id: string;
  department_id: string | null;
  assignee_id: string | null;
  form_data: Record<string, unknown>;
  received_at: Date | null;
  clock_started_at: Date | null;
  due_at: Date | null;
  original_due_at: Date | null;
  extended: boolean;
  paused_at: Date | null;
  finished_at: Date | null;
  returned_at: Date | null;
  outcome: string | null;
  supplement_rounds: number;
}>;

/**
 * Applies a patch if nobody changed the dossier since it was read (optimistic concurrency).
 * @returns false when the version moved on (the caller answers 409).
 */
export async function updateDossier(tx: Executor, d: DossierRow, patch: DossierPatch, now: Date): Promise<boolean> {
  const sets: SQL[] = [sql`version = version + 1`, sql`updated_at = ${now.toISOString()}`];
  for (const [key, value] of Object.entries(patch)) {
    const v =
      value instanceof Date ? value.toISOString() : key === 'form_data' ? JSON.stringify(value) : (value as string | number | boolean | null);
    sets.push(key === 'form_data' ? sql`${sql.identifier(key)} = ${v}::jsonb` : sql`${sql.identifier(key)} = ${v}`);
  }
  const updated = await rows<{ id: string }>(
    tx,
    sql`update dossiers set ${sql.join(sets, sql`, `)} where id = ${d.id} and version = ${d.version} returning id`,
  );
  return updated.length === 1;
}

export interface EventInput {
  action: string;
  fromStatus: Status | null;
  toStatus: Status;
  actorId: string;
  actorRole: string;
  comment: string | null;
  data: Record<string, unknown>;
  attachments: string[];
}

export async function appendEvent(tx: Executor, dossierId: string, e: EventInput, at: Date): Promise<void> {
  await tx.execute(sql`
    insert into dossier_events (dossier_id, seq, action, from_status, to_status, actor_id, actor_role, at, comment, data, attachments)
    values (${dossierId}, (select coalesce(max(seq), 0) + 1 from dossier_events where dossier_id = ${dossierId}),
            ${e.action}, ${e.fromStatus}, ${e.toStatus}, ${e.actorId}, ${e.actorRole}, ${at.toISOString()},
            ${e.comment}, ${JSON.stringify(e.data)}::jsonb, ${JSON.stringify(e.attachments)}::jsonb)`);
}

export interface StepRow {
  idx: number;
  step_key: string;
  name: string;
  role: string;
  handler_id: string | null;
  started_at: string;
  due_at: string | null;
  finished_at: string | null;
}

export const loadSteps = (ex: Executor, dossierId: string) =>
  rows<StepRow>(ex, sql`select idx, step_key, name, role, handler_id, started_at, due_at, finished_at from dossier_steps where dossier_id = ${dossierId} order by idx`);

export async function finishOpenSteps(tx: Executor, dossierId: string, at: Date) {
  await tx.execute(sql`update dossier_steps set finished_at = ${at.toISOString()} where dossier_id = ${dossierId} and finished_at is null`);
}

export async function startStep(
  tx: Executor,
  dossierId: string,
  step: { key: string; name: string; role: string; handlerId: string | null; dueAt: Date | null },
  at: Date,
) {
  await tx.execute(sql`
    insert into dossier_steps (dossier_id, idx, step_key, name, role, handler_id, started_at, due_at)
    values (${dossierId}, (select coalesce(max(idx), -1) + 1 from dossier_steps where dossier_id = ${dossierId}),
            ${step.key}, ${step.name}, ${step.role}, ${step.handlerId}, ${at.toISOString()}, ${step.dueAt?.toISOString() ?? null})`);
}

export async function setOpenStepHandler(tx: Executor, dossierId: string, handlerId: string | null, dueAt?: Date | null) {
  await tx.execute(sql`update dossier_steps set handler_id = ${handlerId}
    ${dueAt !== undefined ? sql`, due_at = ${dueAt?.toISOString() ?? null}` : sql``}
    where dossier_id = ${dossierId} and finished_at is null`);
}

export async function attachDocument(
  tx: Executor,
  doc: { id: string; dossierId: string; requirementId: string; uploadId: string; round: number; purpose: 'application' | 'result' | 'attachment' },
  at: Date,
) {
  if (doc.purpose === 'application' && doc.round > 0) {
    await tx.execute(sql`update dossier_documents set superseded = true
      where dossier_id = ${doc.dossierId} and requirement_id = ${doc.requirementId} and purpose = 'application'`);
  }
  await tx.execute(sql`
    insert into dossier_documents (id, dossier_id, requirement_id, upload_id, round, purpose, created_at)
    values (${doc.id}, ${doc.dossierId}, ${doc.requirementId}, ${doc.uploadId}, ${doc.round}, ${doc.purpose}, ${at.toISOString()})`);
}

export const ts = (v: string | null) => (v === null ? null : toDate(v));
