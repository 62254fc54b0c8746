import { sql, type SQL } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import { SEQUENCE_WIDTH } from '../../domain/dossier-code.ts';
import type { DossierChanges, DossierState, Decision, EventRecord, Extension, SupplementRound, Write } from '../../domain/dossier-decide.ts';
import type { Status } from '../../domain/dossier-state.ts';
import type { DossierResource } from '../../domain/policy.ts';
import type { Computed } from '../../db/rows.ts';

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
  appointment_reason: string | null;
  extended: boolean;
  extension: Extension | null;
  paused_at: string | null;
  finished_at: string | null;
  returned_at: string | null;
  outcome: string | null;
  supplement_rounds: number;
  submitted_by: string;
  version: number;
  /** The sender's code of a dossier a connected system forwarded (the national portal's), and that system. */
  external_code: string | null;
  origin_system_id: string | null;
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
  const consult = await maybeOne<Computed<{ department_id: string | null }>>(
    ex,
    sql`select data->>'departmentId' as department_id from dossier_events
        where dossier_id = ${d.id} and action = 'consult' order by seq desc limit 1`,
  );
  return { ...scopeOf(d), consultedDepartmentId: consult?.department_id ?? null };
}

export async function loadDossier(ex: Executor, code: string, forUpdate = false): Promise<DossierRow | null> {
  return maybeOne<DossierRow>(ex, sql`select * from dossiers where code = ${code} ${forUpdate ? sql`for update` : sql``}`);
}

/** The kind of the system a dossier came from (interop_systems.kind through a left join: null when none). */
type OriginKind = Computed<{ origin_kind: string | null }>;

/** What the public look-up reads of a dossier (loadDossiersByEitherCode). */
export type PublicDossierRow = ProgressRow &
  Pick<DossierRow, 'id' | 'code' | 'external_code' | 'procedure_code' | 'procedure_version' | 'applicant'> &
  OriginKind;

/** What a dossier's progress is shown from (the public look-up reads only these, and its codes). */
export type ProgressRow = Pick<DossierRow, 'status' | 'submitted_at' | 'received_at' | 'due_at' | 'finished_at' | 'returned_at' | 'paused_at' | 'extension'>;

/**
 * The dossiers the public look-up asks for (`asked`: each trimmed, in capitals), by our code or by
 * the code of the system it came from (the national portal's: a citizen who filed there may know
 * only that one), with that system's kind, keyed by the code asked: one statement for all of them
 * (concurrent look-ups share it, see publicLookup; the codes go as one JSON parameter, so that
 * every batch size is the same prepared statement), only the columns the look-up shows. For each code, ours first; two systems'
 * dossiers with the same code of theirs: the latest. Each code is two index scans
 * (dossiers_code_key, then dossiers_external_code_idx), the second run only when the first found
 * nothing: PostgreSQL runs a `union all`'s branches in order and stops at the `limit`. (An `or` of
 * the two codes made it combine both indexes into a bitmap and read the table's size from disk at
 * every look-up: docs/PERFORMANCE.md, "Sixth round".)
 */
export async function loadDossiersByEitherCode(ex: Executor, asked: readonly string[]): Promise<Map<string, PublicDossierRow>> {
  const withOrigin = sql`select d.id, d.code, d.external_code, d.procedure_code, d.procedure_version, d.applicant, d.status, d.submitted_at, d.received_at,
                                d.due_at, d.finished_at, d.returned_at, d.paused_at, d.extension, s.kind as origin_kind
                         from dossiers d left join interop_systems s on s.id = d.origin_system_id`;
  const found = await rows<PublicDossierRow & Computed<{ asked: string }>>(
    ex,
    sql`select a.asked, e.* from jsonb_array_elements_text(${JSON.stringify(asked)}::jsonb) as a(asked)
        cross join lateral (
          select * from (
            (${withOrigin} where d.code = a.asked)
            union all
            (${withOrigin} where upper(d.external_code) = a.asked and d.external_code is not null order by d.submitted_at desc limit 1)
          ) either limit 1
        ) e`,
  );
  return new Map(found.map(({ asked: code, ...d }) => [code, d]));
}

/**
 * A dossier's code in SQL, from its prefix and the number `n` the unit's per-day counter gave it:
 * the number zero-padded to SEQUENCE_WIDTH, longer ones kept whole (the same as formatDossierCode).
 */
export const dossierCodeSql = (prefix: string, n: SQL) => sql`${prefix} || lpad(${n}::text, greatest(${SEQUENCE_WIDTH}, length(${n}::text)), '0')`;

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
): Promise<StepRow> {
  const [row] = await rows<StepRow>(
    tx,
    sql`insert into dossier_steps (dossier_id, idx, step_key, name, role, handler_id, started_at, due_at)
        values (${dossierId}, (select coalesce(max(idx), -1) + 1 from dossier_steps where dossier_id = ${dossierId}),
                ${step.key}, ${step.name}, ${step.role}, ${step.handlerId}, ${at.toISOString()}, ${step.dueAt?.toISOString() ?? null})
        returning idx, step_key, name, role, handler_id, started_at, due_at, finished_at`,
  );
  return row!;
}

export const ts = (v: string | null) => (v === null ? null : toDate(v));

/** The dossier as the domain's rules see it (dossier-decide.ts). */
export function stateOf(d: DossierRow): DossierState {
  return {
    id: d.id,
    status: d.status,
    resumeStatus: d.resume_status,
    channel: d.channel,
    applicantId: d.applicant_id,
    submittedBy: d.submitted_by,
    handlingUnitId: d.handling_unit_id,
    assigneeId: d.assignee_id,
    receivedAt: ts(d.received_at),
    clockStartedAt: ts(d.clock_started_at),
    dueAt: ts(d.due_at),
    appointmentReason: d.appointment_reason,
    extended: d.extended,
    extension: d.extension,
    pausedAt: ts(d.paused_at),
    supplementRounds: d.supplement_rounds,
    outcome: d.outcome,
    formData: d.form_data,
  };
}

const COLUMNS: Record<keyof DossierChanges, string> = {
  status: 'status',
  resumeStatus: 'resume_status',
  handlingUnitId: 'handling_unit_id',
  departmentId: 'department_id',
  assigneeId: 'assignee_id',
  receivedAt: 'received_at',
  clockStartedAt: 'clock_started_at',
  dueAt: 'due_at',
  appointmentReason: 'appointment_reason',
  extended: 'extended',
  extension: 'extension',
  pausedAt: 'paused_at',
  supplementRounds: 'supplement_rounds',
  outcome: 'outcome',
  formData: 'form_data',
  finishedAt: 'finished_at',
  returnedAt: 'returned_at',
};
const JSON_COLUMNS = new Set(['extension', 'form_data']);

const iso = (v: Date | null) => v?.toISOString() ?? null;

/**
 * Applies a decision in the caller's transaction: the dossier row, its side rows, its events. The
 * caller read `d` with FOR UPDATE in this transaction, so nobody changed it since (the client's
 * optimistic `expectedVersion` is checked against that read).
 * @returns the updated row.
 */
export async function applyDecision(tx: Executor, d: DossierRow, decision: Decision, actorId: string, now: Date): Promise<DossierRow> {
  const sets: SQL[] = [sql`version = version + 1`, sql`updated_at = ${now.toISOString()}`];
  for (const [key, value] of Object.entries(decision.changes) as [keyof DossierChanges, unknown][]) {
    const column = COLUMNS[key];
    if (JSON_COLUMNS.has(column)) sets.push(sql`${sql.identifier(column)} = ${value === null ? null : JSON.stringify(value)}::jsonb`);
    else sets.push(sql`${sql.identifier(column)} = ${value instanceof Date ? value.toISOString() : (value as string | number | boolean | null)}`);
  }
  const [updated] = await rows<DossierRow>(tx, sql`update dossiers set ${sql.join(sets, sql`, `)} where id = ${d.id} returning *`);
  for (const w of decision.writes) await applyWrite(tx, d.id, w, now);
  await appendEvents(tx, d.id, decision.events, actorId, now);
  return updated!;
}

async function applyWrite(tx: Executor, dossierId: string, w: Write, now: Date): Promise<void> {
  switch (w.kind) {
    case 'finish_open_steps':
      return finishOpenSteps(tx, dossierId, now);
    case 'start_step':
      await startStep(tx, dossierId, w.step, now);
      return;
    case 'set_open_step':
      await tx.execute(sql`update dossier_steps set handler_id = ${w.handlerId}
        ${w.dueAt !== undefined ? sql`, due_at = ${iso(w.dueAt)}` : sql``}
        where dossier_id = ${dossierId} and finished_at is null`);
      return;
    case 'supplement_round': {
      const r = w.round;
      await tx.execute(sql`insert into supplement_requests
          (dossier_id, round, proposed_by, proposed_at, sent_by, sent_by_system, sent_at, window_ends_at, late, repeat_reason, comment)
        values (${dossierId}, ${r.round}, ${r.proposedBy}, ${iso(r.proposedAt)}, ${r.sentBy}, ${r.sentBySystem}, ${iso(r.sentAt)},
                ${iso(r.windowEndsAt)}, ${r.late}, ${r.repeatReason}, ${r.comment})`);
      if (w.items) await insertItems(tx, dossierId, r.round, w.items, now);
      return;
    }
    case 'supplement_sent': {
      const r: SupplementRound = w.round;
      await tx.execute(sql`update supplement_requests set sent_by = ${r.sentBy}, sent_by_system = ${r.sentBySystem}, sent_at = ${iso(r.sentAt)},
          window_ends_at = ${iso(r.windowEndsAt)}, late = ${r.late}, repeat_reason = ${r.repeatReason},
          comment = coalesce(${r.comment}, comment)
        where dossier_id = ${dossierId} and round = ${r.round}`);
      if (w.items) {
        // The desk edited the proposal before sending it: the items sent replace those proposed
        // (the proposal event keeps what was proposed).
        await tx.execute(sql`delete from supplement_items where dossier_id = ${dossierId} and round = ${r.round}`);
        await insertItems(tx, dossierId, r.round, w.items, now);
      }
      return;
    }
    case 'supplement_answered': {
      const values = sql.join(
        w.answers.map((a) => sql`(${a.itemId}::uuid, ${JSON.stringify(a.answer)}::jsonb)`),
        sql`, `,
      );
      await tx.execute(sql`with answered as (
          update supplement_items s set answer = v.answer, answered_at = ${now.toISOString()}
          from (values ${values}) as v(id, answer) where s.id = v.id returning s.id)
        update supplement_requests set answered_at = ${now.toISOString()}
        where dossier_id = ${dossierId} and round = ${w.round} and (select count(*) from answered) > 0`);
      return;
    }
    case 'attach':
      return attachDocuments(tx, dossierId, w.documents, now);
  }
}

async function insertItems(tx: Executor, dossierId: string, round: number, items: NonNullable<Extract<Write, { kind: 'supplement_round' }>['items']>, now: Date) {
  if (items.length === 0) return;
  await tx.execute(sql`insert into supplement_items (id, dossier_id, round, target_type, target_key, reason, created_at) values ${sql.join(
    items.map((i, n) => sql`(${i.id}, ${dossierId}, ${round}, ${i.targetType}, ${i.targetKey}, ${i.reason}, ${new Date(now.getTime() + n).toISOString()})`),
    sql`, `,
  )}`);
}

/** Attaches documents in at most two statements: marking those they supersede, then the rows. */
export async function attachDocuments(
  tx: Executor,
  dossierId: string,
  docs: { id: string; requirementId: string; uploadId: string; round: number; purpose: 'application' | 'result' | 'attachment' }[],
  at: Date,
) {
  if (docs.length === 0) return;
  const superseding = docs.filter((d) => d.purpose === 'application' && d.round > 0).map((d) => d.requirementId);
  if (superseding.length) {
    await tx.execute(sql`update dossier_documents set superseded = true
      where dossier_id = ${dossierId} and purpose = 'application' and requirement_id in (${sql.join(superseding.map((r) => sql`${r}`), sql`, `)})`);
  }
  await tx.execute(sql`insert into dossier_documents (id, dossier_id, requirement_id, upload_id, round, purpose, created_at) values ${sql.join(
    docs.map((d) => sql`(${d.id}, ${dossierId}, ${d.requirementId}, ${d.uploadId}, ${d.round}, ${d.purpose}, ${at.toISOString()})`),
    sql`, `,
  )}`);
}

/** A dossier's document as its view shows it: its row, with the upload's name and the file's size and type. */
export interface PresentedDocumentRow {
  id: string;
  requirement_id: string;
  upload_id: string;
  name: string;
  size: number;
  mime: string;
  round: number;
  superseded: boolean;
  purpose: string;
}

/**
 * A new dossier's application documents, as a data-modifying statement for the dossier's own
 * write (`dossier`: the relation, a CTE, that holds its row; none when it wrote none): each row is written only when its upload exists and was
 * made by `ownerId`; it returns the rows written. The caller compares them with what it asked for
 * (a missing one is a file that is not the owner's) and presents them (presentedDocumentsJson).
 */
export const ownUploadsInsert = (dossier: SQL, docs: { id: string; requirementId: string; uploadId: string }[], ownerId: string, at: Date) =>
  sql`insert into dossier_documents (id, dossier_id, requirement_id, upload_id, round, purpose, created_at)
      select v.id::uuid, d.id, v.requirement_id, up.id, 0, 'application', ${at.toISOString()}::timestamptz
      from ${dossier} d cross join (values ${sql.join(
        docs.map((d) => sql`(${d.id}, ${d.requirementId}, ${d.uploadId})`),
        sql`, `,
      )}) as v(id, requirement_id, upload_id)
      join uploads up on up.id = v.upload_id::uuid and up.uploaded_by = ${ownerId}
      returning *`;

/**
 * The documents a statement wrote (`written`: the name of its CTE), as the dossier's view shows
 * them (PresentedDocumentRow: with the upload's name and the file's size and type), in that view's
 * order, as one JSON array (a scalar sub-query).
 */
export const presentedDocumentsJson = (written: SQL) =>
  sql`(select coalesce(json_agg(json_build_object('id', w.id, 'requirement_id', w.requirement_id, 'upload_id', w.upload_id, 'name', up.name,
                                                  'size', f.size, 'mime', f.mime, 'round', w.round, 'superseded', w.superseded, 'purpose', w.purpose)
                                order by w.created_at, w.requirement_id), '[]'::json)
       from ${written} w join uploads up on up.id = w.upload_id join files f on f.sha256 = up.sha256)`;

/** Appends events in one statement, numbered after the dossier's last. */
export async function appendEvents(tx: Executor, dossierId: string, events: EventRecord[], actorId: string, at: Date): Promise<void> {
  await tx.execute(sql`
    insert into dossier_events (dossier_id, seq, action, from_status, to_status, actor_id, actor_role, at, comment, data, attachments)
    select ${dossierId}::uuid, base.seq + v.n, v.action, v.from_status, v.to_status, ${actorId}::uuid, v.actor_role, ${at.toISOString()}::timestamptz,
           v.comment, v.data::jsonb, v.attachments::jsonb
    from (select coalesce(max(seq), 0) as seq from dossier_events where dossier_id = ${dossierId}) base,
         (values ${sql.join(
           events.map((e, i) => sql`(${i + 1}::int, ${e.action}, ${e.fromStatus}, ${e.toStatus}, ${e.actorRole}, ${e.comment}, ${JSON.stringify(e.data)}, ${JSON.stringify(e.attachments)})`),
           sql`, `,
         )}) as v(n, action, from_status, to_status, actor_role, comment, data, attachments)`);
}
