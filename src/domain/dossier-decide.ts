/**
 * What an allowed action does to a dossier, decided by the law's rules and nothing else:
 * `decide(dossier, action, context) → decision`. Pure: the service loads the dossier and the few
 * facts an action needs (the open supplement items, who uploaded a file, the assignee's
 * department…), passes `now` and the working calendar, and applies the decision in one
 * transaction (dossiers.repo.ts `applyDecision`). Table-driven tests: dossier-decide.test.ts.
 *
 * Legal basis: Decree 118/2025/NĐ-CP Art. 5, 17–20 (DOMAIN.md "The one-stop lifecycle");
 * the clock's rules are in dossier-clock.ts.
 */
import { formatVn, type WorkingCalendar } from './calendar/index.ts';
import type { ActionInput } from './dossier-actions.ts';
import {
  apologyOnTime,
  dueFrom,
  restartedDue,
  shiftedByPause,
  supplementWindow,
} from './dossier-clock.ts';
import { nextStatus, type Status } from './dossier-state.ts';
import { needsAppointment } from './time-limit.ts';
import { AppError } from './errors.ts';
import type { ActorRole } from './policy.ts';
import type { ProcedureDefinition } from './procedure.ts';

export type Channel = 'online' | 'in_person' | 'post';

/** The extension with apology, recorded beside the due date (never replacing it). */
export interface Extension {
  dueAt: string;
  at: string;
  reason: string;
  apologyOnTime: boolean;
}

/** A dossier as the rules see it. */
export interface DossierState {
  id: string;
  status: Status;
  resumeStatus: Status | null;
  channel: Channel;
  applicantId: string;
  submittedBy: string;
  handlingUnitId: string;
  assigneeId: string | null;
  receivedAt: Date | null;
  clockStartedAt: Date | null;
  /** The due date the law sets (time limit from receipt, restarts, payment waits); never an extension. */
  dueAt: Date | null;
  /** Set when the officer gave the appointment (unconfirmed time limit): why. */
  appointmentReason: string | null;
  extended: boolean;
  extension: Extension | null;
  /** When the clock stopped (waiting for the applicant). */
  pausedAt: Date | null;
  /** Rounds of requests to supplement SENT to the applicant. */
  supplementRounds: number;
  outcome: string | null;
  formData: Record<string, unknown>;
}

/** Columns an action may change. */
export type DossierChanges = Partial<
  Pick<
    DossierState,
    | 'status'
    | 'resumeStatus'
    | 'handlingUnitId'
    | 'assigneeId'
    | 'receivedAt'
    | 'clockStartedAt'
    | 'dueAt'
    | 'appointmentReason'
    | 'extended'
    | 'extension'
    | 'pausedAt'
    | 'supplementRounds'
    | 'outcome'
    | 'formData'
  > & { departmentId: string | null; finishedAt: Date | null; returnedAt: Date | null }
>;

export interface SupplementItemFact {
  id: string;
  targetType: 'document' | 'field';
  targetKey: string;
  reason: string;
}

/** A proposal awaiting the desk (status `supplement_proposed`). */
export interface ProposalFact {
  round: number;
  repeatReason: string | null;
  items: SupplementItemFact[];
}

/** Facts looked up for the action at hand (only those it needs). */
export interface ActionFacts {
  /** assign: the specialist chosen (null: not a specialist of the handling unit). */
  assignee?: { departmentId: string | null } | null;
  /** consult: the department asked. */
  department?: { name: string } | null;
  /** transfer: the unit asked. */
  unit?: { id: string; name: string } | null;
  /** answer_supplement, issue_result: who uploaded each file named in the payload. */
  uploaders?: Record<string, string>;
  /** answer_supplement: the open round's unanswered items. */
  openItems?: SupplementItemFact[];
  /** request_supplement in `supplement_proposed`: the proposal. */
  proposal?: ProposalFact | null;
}

export interface DecideContext {
  now: Date;
  cal: WorkingCalendar;
  /** The procedure version the dossier was filed under. */
  def: ProcedureDefinition;
  actor: { id: string; role: ActorRole };
  facts: ActionFacts;
  newId: () => string;
}

export interface EventRecord {
  action: string;
  fromStatus: Status | null;
  toStatus: Status;
  /** The role recorded; `system` when the platform acts on the desk's behalf. */
  actorRole: ActorRole | 'system';
  comment: string | null;
  data: Record<string, unknown>;
  attachments: string[];
}

export interface StepStart {
  key: string;
  name: string;
  role: string;
  handlerId: string | null;
  dueAt: Date | null;
}

export interface SupplementRound {
  round: number;
  proposedBy: string | null;
  proposedAt: Date | null;
  sentBy: string | null;
  sentBySystem: boolean;
  sentAt: Date | null;
  windowEndsAt: Date | null;
  late: boolean | null;
  repeatReason: string | null;
  comment: string | null;
}

/** Side rows an action writes, applied in this order after the dossier row. */
export type Write =
  | { kind: 'finish_open_steps' }
  | { kind: 'start_step'; step: StepStart }
  | { kind: 'set_open_step'; handlerId: string | null; dueAt?: Date | null }
  | { kind: 'supplement_round'; round: SupplementRound; items: SupplementItemFact[] | null }
  | { kind: 'supplement_sent'; round: SupplementRound; items: SupplementItemFact[] | null }
  | { kind: 'supplement_answered'; round: number; answers: { itemId: string; answer: unknown }[] }
  | { kind: 'attach'; documents: { id: string; requirementId: string; uploadId: string; round: number; purpose: 'application' | 'result' }[] };

export interface Decision {
  changes: DossierChanges;
  events: EventRecord[];
  writes: Write[];
}

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', { issues: [{ path, message }] });

/** Starts workflow step `key` with its share of the whole time limit as its own deadline. */
function stepStart(ctx: DecideContext, key: string, handlerId: string | null, clock: { start: Date | null; due: Date | null }): StepStart | null {
  const { def, cal, now } = ctx;
  const step = def.workflow.find((s) => s.key === key) ?? def.workflow.find((s) => s.role === ROLE_OF_KEY[key]);
  if (!step) return null;
  let dueAt: Date | null = null;
  if (clock.start && clock.due) {
    const totalHours = cal.workingMsBetween(clock.start, clock.due) / 3_600_000;
    dueAt = cal.addWorkingHours(now, totalHours * step.share);
    if (dueAt > clock.due) dueAt = clock.due;
  }
  return { key: step.key, name: step.name, role: step.role, handlerId, dueAt };
}
const ROLE_OF_KEY: Record<string, string> = { review: 'specialist', approve: 'leader', return: 'reception', receive: 'reception' };
const keyAfter = (def: ProcedureDefinition, role: string) => {
  const idx = def.workflow.findIndex((s) => s.role === role);
  return def.workflow[idx + 1]?.key ?? def.workflow.at(-1)!.key;
};
const firstKeyOf = (def: ProcedureDefinition, role: string) => def.workflow.find((s) => s.role === role)?.key ?? role;

function nextStep(ctx: DecideContext, key: string, handlerId: string | null, d: DossierState): Write[] {
  const step = stepStart(ctx, key, handlerId, { start: d.clockStartedAt, due: d.dueAt });
  return [{ kind: 'finish_open_steps' }, ...(step ? [{ kind: 'start_step' as const, step }] : [])];
}

/** Supplement items as given, checked against the procedure's documents and fields. */
function itemsOf(def: ProcedureDefinition, items: NonNullable<Extract<ActionInput, { action: 'request_supplement' }>['items']>, newId: () => string): SupplementItemFact[] {
  const seen = new Set<string>();
  return items.map((item, i) => {
    const { type, key } = item.target;
    const known = type === 'document' ? def.documents.some((doc) => doc.id === key) : def.formFields.some((f) => f.key === key);
    if (!known) throw invalid(`items.${i}.target.key`, `Không có ${type === 'document' ? 'giấy tờ' : 'trường thông tin'} "${key}" trong thủ tục / unknown ${type}: ${key}`);
    if (seen.has(`${type}:${key}`)) throw invalid(`items.${i}.target`, `Mục "${key}" bị trùng / duplicate item: ${key}`);
    seen.add(`${type}:${key}`);
    return { id: newId(), targetType: type, targetKey: key, reason: item.reason };
  });
}

/**
 * A second or later request is an exception that needs a reason (DOMAIN.md "What the clock
 * shows"). @throws AppError SUPPLEMENT_REPEAT_REASON_REQUIRED
 */
function repeatReasonFor(round: number, given: string | undefined, proposed: string | null = null): string | null {
  const reason = given ?? proposed;
  if (round > 1 && !reason) throw new AppError('SUPPLEMENT_REPEAT_REASON_REQUIRED', { round, field: 'repeatReason' });
  return round > 1 ? reason : null;
}

/** The request reaches the applicant: the clock stops (or, before receipt, never started). */
function sendSupplement(
  d: DossierState,
  ctx: DecideContext,
  round: Omit<SupplementRound, 'sentBy' | 'sentBySystem' | 'sentAt' | 'windowEndsAt' | 'late'>,
  items: SupplementItemFact[],
  by: { system: boolean },
  resumeStatus: Status,
): { changes: DossierChanges; write: SupplementRound; data: Record<string, unknown> } {
  const window = supplementWindow(d.receivedAt, ctx.now, ctx.cal);
  const sent: SupplementRound = {
    ...round,
    sentBy: by.system ? null : ctx.actor.id,
    sentBySystem: by.system,
    sentAt: ctx.now,
    windowEndsAt: window?.endsAt ?? null,
    late: window ? window.late : null,
  };
  return {
    changes: { supplementRounds: round.round, resumeStatus, pausedAt: d.receivedAt ? ctx.now : null },
    write: sent,
    data: {
      round: round.round,
      items: items.map((i) => ({ id: i.id, target: { type: i.targetType, key: i.targetKey }, reason: i.reason })),
      late: sent.late,
      windowEndsAt: window?.endsAt.toISOString() ?? null,
      repeatReason: round.repeatReason,
      ...(by.system ? { sentBySystem: true } : {}),
    },
  };
}

function checkUploads(ctx: DecideContext, fileIds: string[], allowed: string[], path: string) {
  for (const fileId of fileIds) {
    const by = ctx.facts.uploaders?.[fileId];
    if (!by || !allowed.includes(by)) throw new AppError('FILE_NOT_FOUND', { fileId, path });
  }
}

/**
 * Decides what `input` does to `d`. The caller has checked that the status allows the action
 * and that the actor may take it (`actingRole`).
 * @throws AppError VALIDATION_FAILED, APPOINTMENT_REQUIRED, APPOINTMENT_INVALID, SUPPLEMENT_REPEAT_REASON_REQUIRED,
 * SUPPLEMENT_ANSWER_INVALID, EXTENSION_NOT_ALLOWED, FILE_NOT_FOUND, USER_NOT_FOUND, NOT_FOUND, UNIT_NOT_FOUND
 */
export function decide(d: DossierState, input: ActionInput, ctx: DecideContext): Decision {
  const { now, cal, def } = ctx;
  const to = nextStatus(d.status, input.action, d.resumeStatus);
  const changes: DossierChanges = { status: to };
  const writes: Write[] = [];
  const event: EventRecord = {
    action: input.action,
    fromStatus: d.status,
    toStatus: to,
    actorRole: ctx.actor.role,
    comment: 'comment' in input ? (input.comment ?? null) : null,
    data: {},
    attachments: [],
  };
  const decision = (): Decision => ({ changes, events: [event], writes });

  switch (input.action) {
    case 'receive': {
      let dueAt = dueFrom(def.timeLimit, cal, now);
      if (needsAppointment(def.timeLimit)) {
        // Never "Hẹn trả kết quả: Cần xác nhận" on a receipt: the officer gives the date, and why.
        if (!input.appointmentAt || !input.appointmentReason) {
          throw new AppError('APPOINTMENT_REQUIRED', { suggestedAt: dueAt ? formatVn(dueAt) : null, timeLimit: def.timeLimit });
        }
        const at = new Date(input.appointmentAt);
        if (at <= now) throw new AppError('APPOINTMENT_INVALID', { field: 'appointmentAt' });
        dueAt = at;
        changes.appointmentReason = input.appointmentReason;
        event.data.appointmentReason = input.appointmentReason;
      } else if (input.appointmentAt || input.appointmentReason) {
        throw invalid('appointmentAt', 'Thời hạn giải quyết do thủ tục quy định / the procedure sets the time limit');
      }
      const start = cal.nextOpening(now);
      Object.assign(changes, { receivedAt: now, clockStartedAt: start, dueAt });
      writes.push(...nextStep(ctx, keyAfter(def, 'reception'), null, { ...d, clockStartedAt: start, dueAt }));
      event.data.dueAt = dueAt?.toISOString() ?? null;
      return decision();
    }
    case 'refuse':
    case 'withdraw':
    case 'stop':
      event.comment = input.reason;
      Object.assign(changes, { finishedAt: now, outcome: to, pausedAt: null });
      writes.push({ kind: 'finish_open_steps' });
      return decision();

    case 'propose_supplement': {
      const round = d.supplementRounds + 1;
      const items = itemsOf(def, input.items, ctx.newId);
      const proposal = { round, proposedBy: ctx.actor.id, proposedAt: now, repeatReason: repeatReasonFor(round, input.repeatReason), comment: input.comment ?? null };
      event.data = { round, items: items.map((i) => ({ id: i.id, target: { type: i.targetType, key: i.targetKey }, reason: i.reason })), repeatReason: proposal.repeatReason };
      if (d.channel !== 'online') {
        Object.assign(changes, { resumeStatus: d.status });
        writes.push({ kind: 'supplement_round', round: { ...proposal, sentBy: null, sentBySystem: false, sentAt: null, windowEndsAt: null, late: null }, items });
        return decision();
      }
      // Online: the system sends it on the desk's behalf at once (by SMS/email and the portal).
      const sent = sendSupplement(d, ctx, proposal, items, { system: true }, d.status);
      Object.assign(changes, sent.changes, { status: 'supplement_requested' satisfies Status });
      event.toStatus = 'supplement_proposed';
      writes.push({ kind: 'supplement_round', round: sent.write, items });
      const system: EventRecord = { action: 'request_supplement', fromStatus: 'supplement_proposed', toStatus: 'supplement_requested', actorRole: 'system', comment: null, data: sent.data, attachments: [] };
      return { changes, events: [event, system], writes };
    }
    case 'request_supplement': {
      const proposal = d.status === 'supplement_proposed' ? (ctx.facts.proposal ?? null) : null;
      if (d.status === 'supplement_proposed' && !proposal) throw new Error(`Dossier ${d.id}: proposal not loaded`);
      const round = proposal?.round ?? d.supplementRounds + 1;
      const given = input.items ? itemsOf(def, input.items, ctx.newId) : null;
      const items = given ?? proposal?.items;
      if (!items?.length) throw invalid('items', 'Cần ít nhất một mục cần bổ sung / list at least one item');
      const repeatReason = repeatReasonFor(round, input.repeatReason, proposal?.repeatReason ?? null);
      const resume = proposal ? (d.resumeStatus ?? 'in_review') : d.status;
      const sent = sendSupplement(d, ctx, { round, proposedBy: null, proposedAt: null, repeatReason, comment: input.comment ?? null }, items, { system: false }, resume);
      Object.assign(changes, sent.changes);
      event.data = { ...sent.data, ...(proposal ? { proposal: true, itemsEdited: given !== null } : {}) };
      writes.push(proposal ? { kind: 'supplement_sent', round: sent.write, items: given } : { kind: 'supplement_round', round: sent.write, items });
      return decision();
    }
    case 'answer_supplement': {
      const open = ctx.facts.openItems ?? [];
      const problems: string[] = [];
      const formData = { ...d.formData };
      const documents: Extract<Write, { kind: 'attach' }>['documents'] = [];
      const answers: { itemId: string; answer: unknown }[] = [];
      for (const item of open) {
        const answer = input.answers.find((a) => a.itemId === item.id);
        if (!answer) {
          problems.push(`Chưa trả lời mục ${item.targetKey}`);
          continue;
        }
        if (item.targetType === 'document') {
          if (!answer.fileId) {
            problems.push(`Cần tệp cho ${item.targetKey}`);
            continue;
          }
          checkUploads(ctx, [answer.fileId], [d.applicantId, d.submittedBy, ctx.actor.id], 'answers.fileId');
          documents.push({ id: ctx.newId(), requirementId: item.targetKey, uploadId: answer.fileId, round: d.supplementRounds, purpose: 'application' });
          event.attachments.push(answer.fileId);
        } else {
          const value = typeof answer.value === 'string' ? answer.value.trim().normalize('NFC') : answer.value;
          if (value === undefined || value === '') {
            problems.push(`Cần giá trị cho ${item.targetKey}`);
            continue;
          }
          formData[item.targetKey] = value;
        }
        answers.push({ itemId: item.id, answer });
      }
      const unknown = input.answers.filter((a) => !open.some((i) => i.id === a.itemId));
      if (unknown.length) problems.push(`Mục không thuộc yêu cầu bổ sung đang mở: ${unknown.map((u) => u.itemId).join(', ')}`);
      if (problems.length) throw new AppError('SUPPLEMENT_ANSWER_INVALID', { problems });
      Object.assign(changes, { formData, resumeStatus: null, pausedAt: null });
      if (documents.length) writes.push({ kind: 'attach', documents });
      writes.push({ kind: 'supplement_answered', round: d.supplementRounds, answers });
      // Decree 118/2025 Art. 19: once complete, the time limit starts again from zero; the
      // extension's date, if any, belonged to the old count (the once-only extension stays used).
      if (d.receivedAt) {
        const dueAt = restartedDue(def.timeLimit, cal, { clockStartedAt: d.clockStartedAt, dueAt: d.dueAt, appointmentSet: d.appointmentReason !== null }, now);
        Object.assign(changes, { clockStartedAt: cal.nextOpening(now), dueAt, extension: null });
        writes.push({ kind: 'set_open_step', handlerId: d.assigneeId, dueAt });
        event.data = { clockRestarted: true, dueAt: dueAt?.toISOString() ?? null };
      }
      return decision();
    }
    case 'assign': {
      const assignee = ctx.facts.assignee;
      if (!assignee) throw new AppError('USER_NOT_FOUND', { field: 'assigneeId' });
      Object.assign(changes, { assigneeId: input.assigneeId, departmentId: input.departmentId ?? assignee.departmentId });
      writes.push({ kind: 'set_open_step', handlerId: input.assigneeId });
      event.data.assigneeId = input.assigneeId;
      return decision();
    }
    case 'consult': {
      const dept = ctx.facts.department;
      if (!dept) throw new AppError('NOT_FOUND', { field: 'departmentId' });
      event.comment = input.question;
      event.data = { departmentId: input.departmentId, departmentName: dept.name };
      return decision();
    }
    case 'consult_reply':
      event.comment = input.answer;
      return decision();
    case 'transfer': {
      const unit = ctx.facts.unit;
      if (!unit || unit.id === d.handlingUnitId) throw new AppError('UNIT_NOT_FOUND', { field: 'unitCode' });
      event.comment = input.reason;
      Object.assign(changes, { handlingUnitId: unit.id, assigneeId: null, departmentId: null });
      writes.push({ kind: 'set_open_step', handlerId: null });
      event.data.toUnit = { code: input.unitCode, name: unit.name };
      return decision();
    }
    case 'propose':
      changes.outcome = input.outcome;
      event.data.outcome = input.outcome;
      writes.push(...nextStep(ctx, firstKeyOf(def, 'leader'), null, d));
      return decision();
    case 'approve':
      event.data.outcome = d.outcome;
      writes.push(...nextStep(ctx, keyAfter(def, 'leader'), null, d));
      return decision();
    case 'reject':
      changes.outcome = null;
      writes.push(...nextStep(ctx, firstKeyOf(def, 'specialist'), d.assigneeId, d));
      return decision();
    case 'issue_result':
      checkUploads(ctx, input.fileIds, [ctx.actor.id], 'fileIds');
      writes.push({ kind: 'attach', documents: input.fileIds.map((fileId) => ({ id: ctx.newId(), requirementId: 'result', uploadId: fileId, round: 0, purpose: 'result' as const })) });
      event.attachments = [...input.fileIds];
      changes.finishedAt = now;
      return decision();
    case 'return_result':
      changes.returnedAt = now;
      event.data.method = input.method;
      writes.push({ kind: 'finish_open_steps' });
      return decision();
    case 'request_payment':
      event.comment = input.reason;
      Object.assign(changes, { pausedAt: now, resumeStatus: d.status });
      event.data.amountVnd = input.amountVnd;
      return decision();
    case 'confirm_payment': {
      // The wait for a financial obligation does not count against the agency: the due date (and
      // an extension's date) move by the working time waited.
      if (d.pausedAt && d.dueAt) {
        changes.dueAt = shiftedByPause(d.dueAt, d.pausedAt, now, cal);
        if (d.extension) changes.extension = { ...d.extension, dueAt: shiftedByPause(new Date(d.extension.dueAt), d.pausedAt, now, cal).toISOString() };
        event.data.pausedWorkingHours = Math.round((cal.workingMsBetween(d.pausedAt, now) / 3_600_000) * 100) / 100;
        event.data.dueAt = changes.dueAt.toISOString();
      }
      Object.assign(changes, { pausedAt: null, resumeStatus: null });
      return decision();
    }
    case 'extend': {
      const newDue = new Date(input.newDueAt);
      // Decree 118/2025 Art. 19: an apology and a new date, once; it is due at least a day before the
      // due date — a later one is still sent, and recorded as late. The due date itself stays.
      if (!d.dueAt || d.extended || newDue <= d.dueAt || newDue <= now) {
        throw new AppError('EXTENSION_NOT_ALLOWED', { dueAt: d.dueAt?.toISOString() ?? null, extended: d.extended });
      }
      event.comment = input.reason;
      const extension: Extension = { dueAt: newDue.toISOString(), at: now.toISOString(), reason: input.reason, apologyOnTime: apologyOnTime(d.dueAt, now) };
      Object.assign(changes, { extended: true, extension });
      event.data = { dueAt: d.dueAt.toISOString(), newDueAt: extension.dueAt, apologyOnTime: extension.apologyOnTime };
      return decision();
    }
  }
}
