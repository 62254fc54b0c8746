import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { vnDateOf, type WorkingCalendar } from '../../domain/calendar/index.ts';
import { AppError } from '../../domain/errors.ts';
import type { Status } from '../../domain/dossier-state.ts';
import type { ProcedureDefinition } from '../../domain/procedure.ts';
import type { SessionUser } from '../../server/auth.ts';
import type { ActionInput } from './dossiers.schemas.ts';
import {
  attachDocument,
  finishOpenSteps,
  setOpenStepHandler,
  startStep,
  ts,
  type DossierPatch,
  type DossierRow,
} from './dossiers.repo.ts';

export interface EffectContext {
  tx: Executor;
  dossier: DossierRow;
  def: ProcedureDefinition;
  cal: WorkingCalendar;
  actor: SessionUser;
  now: Date;
  nextStatus: Status;
}

export interface Effect {
  patch: DossierPatch;
  data: Record<string, unknown>;
  attachments: string[];
  comment: string | null;
}

const HOUR = 3_600_000;

/** The legal due date from a moment of receipt, or null when the time limit is to be confirmed. */
export function dueFrom(def: ProcedureDefinition, cal: WorkingCalendar, from: Date): Date | null {
  const { amount, unit } = def.timeLimit;
  if (unit === null || (amount === null && unit !== 'same_day')) return null;
  return cal.computeDue(from, amount ?? 1, unit);
}

/** Starts workflow step `key` with its share of the whole time limit as its own deadline. */
async function startWorkflowStep(c: EffectContext, key: string, handlerId: string | null, clock: { start: Date | null; due: Date | null }) {
  const step = c.def.workflow.find((s) => s.key === key) ?? c.def.workflow.find((s) => s.role === roleForKey(key));
  if (!step) return;
  let dueAt: Date | null = null;
  if (clock.start && clock.due) {
    const totalHours = c.cal.workingMsBetween(clock.start, clock.due) / HOUR;
    dueAt = c.cal.addWorkingHours(c.now, totalHours * step.share);
    if (dueAt > clock.due) dueAt = clock.due;
  }
  await startStep(c.tx, c.dossier.id, { key: step.key, name: step.name, role: step.role, handlerId, dueAt }, c.now);
}

const roleForKey = (key: string) => ({ review: 'specialist', approve: 'leader', return: 'reception', receive: 'reception' })[key];

function workflowKeyAfter(def: ProcedureDefinition, role: string): string {
  const idx = def.workflow.findIndex((s) => s.role === role);
  return def.workflow[idx + 1]?.key ?? def.workflow.at(-1)!.key;
}
const firstKeyOf = (def: ProcedureDefinition, role: string) => def.workflow.find((s) => s.role === role)?.key ?? role;

async function checkUpload(tx: Executor, uploadId: string, allowedUploaders: string[]) {
  const up = await maybeOne<{ uploaded_by: string }>(tx, sql`select uploaded_by from uploads where id = ${uploadId}`);
  if (!up || !allowedUploaders.includes(up.uploaded_by)) throw new AppError('FILE_NOT_FOUND', { fileId: uploadId });
}

/**
 * What an allowed action does beyond changing the status: clock, steps, supplement items,
 * documents. Writes its side rows with `c.tx`; returns the dossier patch and the event data.
 * @throws AppError for payloads that do not fit the dossier (unknown targets, files, users…).
 */
export async function applyEffect(c: EffectContext, input: ActionInput): Promise<Effect> {
  const { dossier: d, def, cal, now, tx } = c;
  const patch: DossierPatch = {};
  const data: Record<string, unknown> = {};
  let comment: string | null = 'comment' in input ? (input.comment ?? null) : null;
  const attachments: string[] = [];
  const due = ts(d.due_at);

  switch (input.action) {
    case 'receive': {
      const start = cal.nextOpening(now);
      const dueAt = dueFrom(def, cal, now);
      Object.assign(patch, { received_at: now, clock_started_at: start, due_at: dueAt, original_due_at: dueAt });
      await finishOpenSteps(tx, d.id, now);
      await startWorkflowStep(c, workflowKeyAfter(def, 'reception'), null, { start, due: dueAt });
      data.dueAt = dueAt?.toISOString() ?? null;
      break;
    }
    case 'refuse':
    case 'withdraw':
    case 'stop': {
      comment = input.reason;
      Object.assign(patch, { finished_at: now, outcome: c.nextStatus });
      await finishOpenSteps(tx, d.id, now);
      break;
    }
    case 'request_supplement': {
      const round = d.supplement_rounds + 1;
      const items = [];
      for (const item of input.items) {
        const known =
          item.target.type === 'document'
            ? def.documents.some((doc) => doc.id === item.target.key)
            : def.formFields.some((f) => f.key === item.target.key);
        if (!known) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'items.target.key', message: `Không có ${item.target.type === 'document' ? 'giấy tờ' : 'trường thông tin'} "${item.target.key}" trong thủ tục / unknown ${item.target.type}: ${item.target.key}` }] });
        const id = randomUUID();
        await tx.execute(sql`insert into supplement_items (id, dossier_id, round, target_type, target_key, reason, created_at)
          values (${id}, ${d.id}, ${round}, ${item.target.type}, ${item.target.key}, ${item.reason}, ${now.toISOString()})`);
        items.push({ id, ...item });
      }
      Object.assign(patch, { supplement_rounds: round, resume_status: d.status });
      data.round = round;
      data.items = items;
      // Decree 61 Art. 19: a deficient dossier goes back within 3 working days of receipt.
      const received = ts(d.received_at);
      if (received) data.withinLegalWindow = cal.workingMsBetween(received, now) <= 3 * 8 * HOUR;
      break;
    }
    case 'answer_supplement': {
      const open = await rows<{ id: string; target_type: 'document' | 'field'; target_key: string }>(
        tx,
        sql`select id, target_type, target_key from supplement_items where dossier_id = ${d.id} and round = ${d.supplement_rounds} and answered_at is null`,
      );
      const problems: string[] = [];
      const formData = { ...d.form_data };
      for (const item of open) {
        const answer = input.answers.find((a) => a.itemId === item.id);
        if (!answer) {
          problems.push(`Chưa trả lời mục ${item.target_key}`);
          continue;
        }
        if (item.target_type === 'document') {
          if (!answer.fileId) {
            problems.push(`Cần tệp cho ${item.target_key}`);
            continue;
          }
          await checkUpload(tx, answer.fileId, [d.applicant_id, d.submitted_by, c.actor.id]);
          await attachDocument(tx, { id: randomUUID(), dossierId: d.id, requirementId: item.target_key, uploadId: answer.fileId, round: d.supplement_rounds, purpose: 'application' }, now);
          attachments.push(answer.fileId);
        } else {
          const value = typeof answer.value === 'string' ? answer.value.trim().normalize('NFC') : answer.value;
          if (value === undefined || value === '') {
            problems.push(`Cần giá trị cho ${item.target_key}`);
            continue;
          }
          formData[item.target_key] = value;
        }
        await tx.execute(sql`update supplement_items set answer = ${JSON.stringify(answer)}::jsonb, answered_at = ${now.toISOString()} where id = ${item.id}`);
      }
      const unknown = input.answers.filter((a) => !open.some((i) => i.id === a.itemId));
      if (unknown.length) problems.push(`Mục không thuộc yêu cầu bổ sung đang mở: ${unknown.map((u) => u.itemId).join(', ')}`);
      if (problems.length) throw new AppError('SUPPLEMENT_ANSWER_INVALID', { problems });
      Object.assign(patch, { form_data: formData, resume_status: null });
      // Decree 61 Art. 19: once complete, the time limit starts again from zero.
      if (d.received_at) {
        const start = cal.nextOpening(now);
        const dueAt = dueFrom(def, cal, now);
        Object.assign(patch, { clock_started_at: start, due_at: dueAt, original_due_at: dueAt });
        await setOpenStepHandler(tx, d.id, d.assignee_id, dueAt);
        data.clockRestarted = true;
        data.dueAt = dueAt?.toISOString() ?? null;
      }
      break;
    }
    case 'assign': {
      const assignee = await maybeOne<{ department_id: string | null }>(
        tx,
        sql`select department_id from users where id = ${input.assigneeId} and kind = 'staff' and unit_id = ${d.handling_unit_id}
            and 'specialist' = any(roles) and not disabled`,
      );
      if (!assignee) throw new AppError('USER_NOT_FOUND', { field: 'assigneeId' });
      Object.assign(patch, { assignee_id: input.assigneeId, department_id: input.departmentId ?? assignee.department_id });
      await setOpenStepHandler(tx, d.id, input.assigneeId);
      data.assigneeId = input.assigneeId;
      break;
    }
    case 'consult': {
      const dept = await maybeOne<{ name: string }>(tx, sql`select name from departments where id = ${input.departmentId}`);
      if (!dept) throw new AppError('NOT_FOUND', { field: 'departmentId' });
      comment = input.question;
      data.departmentId = input.departmentId;
      data.departmentName = dept.name;
      break;
    }
    case 'consult_reply':
      comment = input.answer;
      break;
    case 'transfer': {
      const unit = await maybeOne<{ id: string; name: string }>(tx, sql`select id, name from units where code = ${input.unitCode}`);
      if (!unit || unit.id === d.handling_unit_id) throw new AppError('UNIT_NOT_FOUND', { field: 'unitCode' });
      comment = input.reason;
      Object.assign(patch, { handling_unit_id: unit.id, assignee_id: null, department_id: null });
      await setOpenStepHandler(tx, d.id, null);
      data.toUnit = { code: input.unitCode, name: unit.name };
      break;
    }
    case 'propose':
      patch.outcome = input.outcome;
      data.outcome = input.outcome;
      await finishOpenSteps(tx, d.id, now);
      await startWorkflowStep(c, firstKeyOf(def, 'leader'), null, { start: ts(d.clock_started_at), due });
      break;
    case 'approve':
      data.outcome = d.outcome;
      await finishOpenSteps(tx, d.id, now);
      await startWorkflowStep(c, workflowKeyAfter(def, 'leader'), null, { start: ts(d.clock_started_at), due });
      break;
    case 'reject':
      patch.outcome = null;
      await finishOpenSteps(tx, d.id, now);
      await startWorkflowStep(c, firstKeyOf(def, 'specialist'), d.assignee_id, { start: ts(d.clock_started_at), due });
      break;
    case 'issue_result':
      for (const fileId of input.fileIds) {
        await checkUpload(tx, fileId, [c.actor.id]);
        await attachDocument(tx, { id: randomUUID(), dossierId: d.id, requirementId: 'result', uploadId: fileId, round: 0, purpose: 'result' }, now);
        attachments.push(fileId);
      }
      patch.finished_at = now;
      break;
    case 'return_result':
      patch.returned_at = now;
      data.method = input.method;
      await finishOpenSteps(tx, d.id, now);
      break;
    case 'request_payment':
      comment = input.reason;
      Object.assign(patch, { paused_at: now, resume_status: d.status });
      data.amountVnd = input.amountVnd;
      break;
    case 'confirm_payment': {
      // The wait for a financial obligation does not count against the agency.
      const paused = ts(d.paused_at);
      if (paused && due) {
        const pausedHours = cal.workingMsBetween(paused, now) / HOUR;
        patch.due_at = pausedHours > 0 ? cal.addWorkingHours(due, pausedHours) : due;
        data.pausedWorkingHours = Math.round(pausedHours * 100) / 100;
      }
      Object.assign(patch, { paused_at: null, resume_status: null });
      break;
    }
    case 'extend': {
      const newDue = new Date(input.newDueAt);
      // Decree 61 Art. 19: an apology and a new date at least one day before the due date, once.
      if (!due || d.extended || newDue <= due || vnDateOf(now) >= vnDateOf(due)) {
        throw new AppError('EXTENSION_NOT_ALLOWED', { dueAt: due?.toISOString() ?? null, extended: d.extended });
      }
      comment = input.reason;
      Object.assign(patch, { due_at: newDue, extended: true });
      data.previousDueAt = due.toISOString();
      data.newDueAt = newDue.toISOString();
      break;
    }
  }
  return { patch, data, attachments, comment };
}
