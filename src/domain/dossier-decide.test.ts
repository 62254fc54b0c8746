import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, formatVn, prefillYear } from './calendar/index.ts';
import type { ActionInput } from './dossier-actions.ts';
import { decide, type ActionFacts, type Decision, type DossierState, type Write } from './dossier-decide.ts';
import { AppError } from './errors.ts';
import type { ActorRole } from './policy.ts';
import { DEFAULT_WORKFLOW, parseProcedureDefinition, type ProcedureDefinition, type TimeLimit } from './procedure.ts';

// Real cases of the one-stop lifecycle (Decree 118/2025/NĐ-CP Art. 5, 17–20; DOMAIN.md).
const cal = createWorkingCalendar({ yearProvider: (y) => prefillYear(y) });
const at = (iso: string) => new Date(iso);
const vn = (d: Date | null | undefined) => (d ? formatVn(d) : d);

function procedure(code: string, name: string, timeLimit: TimeLimit): ProcedureDefinition {
  return parseProcedureDefinition({
    code,
    name,
    nameEn: null,
    field: 'Hộ tịch, cư trú',
    legalBasis: ['Nghị định 118/2025/NĐ-CP'],
    timeLimit,
    fees: [],
    documents: [{ id: 'to-khai', name: 'Tờ khai thay đổi thông tin cư trú', kind: 'form', required: true }],
    formFields: [{ key: 'address', label: 'Địa chỉ', labelEn: 'Address', type: 'text', required: true, hint: '', hintEn: '' }],
    applicant: 'citizen',
    onlineLevel: { level: 'full', reason: '' },
    workflow: DEFAULT_WORKFLOW.map((s) => ({ ...s })),
    result: 'Xác nhận',
    resultKind: 'confirmation',
    source: 'test',
    confidence: 'high',
    notes: '',
    toBeConfirmed: timeLimit.toBeConfirmed ? ['Thời hạn giải quyết'] : [],
  });
}
const TAM_TRU = procedure('1.004194', 'Đăng ký tạm trú', { amount: 3, unit: 'working_days', note: '', toBeConfirmed: false });
const HO_KINH_DOANH = procedure('1.001612', 'Đăng ký thành lập hộ kinh doanh', { amount: null, unit: null, note: 'Không xác định', toBeConfirmed: true });

const APPLICANT = 'citizen-an';
const SPECIALIST = 'chuyenvien';
const DESK = 'tiepnhan';

// Received Monday 2/3/2026 09:00, due Thursday 5/3 09:00, assigned to the specialist.
const inReview: DossierState = {
  id: 'd1',
  status: 'in_review',
  resumeStatus: null,
  channel: 'in_person',
  applicantId: APPLICANT,
  submittedBy: DESK,
  handlingUnitId: 'ward',
  assigneeId: SPECIALIST,
  receivedAt: at('2026-03-02T09:00:00+07:00'),
  clockStartedAt: at('2026-03-02T09:00:00+07:00'),
  dueAt: at('2026-03-05T09:00:00+07:00'),
  appointmentReason: null,
  extended: false,
  extension: null,
  pausedAt: null,
  supplementRounds: 0,
  outcome: null,
  formData: { address: 'Số 12' },
};
const submitted: DossierState = { ...inReview, status: 'submitted', assigneeId: null, receivedAt: null, clockStartedAt: null, dueAt: null };

let ids = 0;
function run(d: DossierState, input: ActionInput, now: string, opts: { role?: ActorRole; actorId?: string; facts?: ActionFacts; def?: ProcedureDefinition } = {}): Decision {
  ids = 0;
  return decide(d, input, {
    now: at(now),
    cal,
    def: opts.def ?? TAM_TRU,
    actor: { id: opts.actorId ?? SPECIALIST, role: opts.role ?? 'specialist' },
    facts: opts.facts ?? {},
    newId: () => `id-${++ids}`,
  });
}
function fails(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}
const ofKind = <K extends Write['kind']>(dec: Decision, kind: K) => dec.writes.filter((w): w is Extract<Write, { kind: K }> => w.kind === kind);
const item = { target: { type: 'document' as const, key: 'to-khai' }, reason: 'Bản chụp mờ' };

describe('receive: the clock starts and the appointment is given', () => {
  it.each([
    // [case, received at, clock starts, due]
    ['in office hours (3 working days)', '2026-03-02T16:00:00+07:00', '2026-03-02T16:00:00+07:00', '2026-03-05T16:00:00+07:00'],
    ['after hours on a Friday: counted from Monday 07:00', '2026-03-06T17:30:00+07:00', '2026-03-09T07:00:00+07:00', '2026-03-11T17:00:00+07:00'],
    // 24 working hours from Monday 13:30 end at Thursday 11:30, the end of a period (not 13:30).
    ['in the lunch break: from 13:30', '2026-03-02T12:00:00+07:00', '2026-03-02T13:30:00+07:00', '2026-03-05T11:30:00+07:00'],
  ])('%s', (_, now, start, due) => {
    const dec = run(submitted, { action: 'receive' }, now, { role: 'reception', actorId: DESK });
    expect(dec.changes).toMatchObject({ status: 'received', receivedAt: at(now) });
    expect(vn(dec.changes.clockStartedAt)).toBe(start);
    expect(vn(dec.changes.dueAt)).toBe(due);
    // The review step gets its share (0.6) of the 24 working hours.
    const [step] = ofKind(dec, 'start_step');
    expect(step?.step.key).toBe('review');
    expect(ofKind(dec, 'finish_open_steps')).toHaveLength(1);
  });

  it('an unconfirmed time limit needs the officer’s appointment and its reason (never "Cần xác nhận" on a receipt)', () => {
    const e = fails(() => run(submitted, { action: 'receive' }, '2026-03-02T09:00:00+07:00', { role: 'reception', def: HO_KINH_DOANH }));
    expect(e.code).toBe('APPOINTMENT_REQUIRED');
    expect(e.details).toMatchObject({ suggestedAt: null });
    expect(fails(() => run(submitted, { action: 'receive', appointmentAt: '2026-03-06T16:00:00+07:00' }, '2026-03-02T09:00:00+07:00', { role: 'reception', def: HO_KINH_DOANH })).code).toBe(
      'APPOINTMENT_REQUIRED',
    );
    const past = { action: 'receive' as const, appointmentAt: '2026-03-01T16:00:00+07:00', appointmentReason: 'Theo Nghị định 168/2025' };
    expect(fails(() => run(submitted, past, '2026-03-02T09:00:00+07:00', { role: 'reception', def: HO_KINH_DOANH })).code).toBe('APPOINTMENT_INVALID');
    const ok = run(
      submitted,
      { action: 'receive', appointmentAt: '2026-03-06T16:00:00+07:00', appointmentReason: '03 ngày làm việc theo Nghị định 168/2025/NĐ-CP, Điều 89' },
      '2026-03-02T09:00:00+07:00',
      { role: 'reception', def: HO_KINH_DOANH },
    );
    expect(vn(ok.changes.dueAt)).toBe('2026-03-06T16:00:00+07:00');
    expect(ok.changes.appointmentReason).toBe('03 ngày làm việc theo Nghị định 168/2025/NĐ-CP, Điều 89');
  });

  it('a confirmed time limit is the law’s: no appointment of the officer’s own', () => {
    const e = fails(() =>
      run(submitted, { action: 'receive', appointmentAt: '2026-03-09T16:00:00+07:00', appointmentReason: 'x' }, '2026-03-02T09:00:00+07:00', { role: 'reception' }),
    );
    expect(e.code).toBe('VALIDATION_FAILED');
  });
});

describe('supplements: the specialist proposes, the desk (or, online, the system) sends', () => {
  it('in person: the proposal waits for the desk; the clock keeps running', () => {
    const dec = run(inReview, { action: 'propose_supplement', items: [item] }, '2026-03-03T10:00:00+07:00');
    expect(dec.changes).toMatchObject({ status: 'supplement_proposed', resumeStatus: 'in_review' });
    expect(dec.changes.pausedAt).toBeUndefined();
    expect(dec.changes.supplementRounds).toBeUndefined(); // not sent yet
    const [round] = ofKind(dec, 'supplement_round');
    expect(round).toMatchObject({ round: { round: 1, proposedBy: SPECIALIST, sentAt: null }, items: [{ targetKey: 'to-khai', reason: 'Bản chụp mờ' }] });
    expect(dec.events.map((e) => [e.action, e.toStatus, e.actorRole])).toEqual([['propose_supplement', 'supplement_proposed', 'specialist']]);
  });

  it('online: the system sends it at once on the desk’s behalf, and the clock stops', () => {
    const dec = run({ ...inReview, channel: 'online' }, { action: 'propose_supplement', items: [item] }, '2026-03-03T10:00:00+07:00');
    expect(dec.changes).toMatchObject({ status: 'supplement_requested', supplementRounds: 1, resumeStatus: 'in_review', pausedAt: at('2026-03-03T10:00:00+07:00') });
    expect(dec.events.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorRole])).toEqual([
      ['propose_supplement', 'in_review', 'supplement_proposed', 'specialist'],
      ['request_supplement', 'supplement_proposed', 'supplement_requested', 'system'],
    ]);
    expect(ofKind(dec, 'supplement_round')[0]?.round).toMatchObject({ sentBySystem: true, sentBy: null, late: false });
  });

  it('the desk sends the proposal as it stands, or with its own items', () => {
    const proposed = { ...inReview, status: 'supplement_proposed' as const, resumeStatus: 'in_review' as const };
    const proposal = { round: 1, repeatReason: null, items: [{ id: 'p1', targetType: 'document' as const, targetKey: 'to-khai', reason: 'Bản chụp mờ' }] };
    const asIs = run(proposed, { action: 'request_supplement' }, '2026-03-04T08:00:00+07:00', { role: 'reception', actorId: DESK, facts: { proposal } });
    expect(asIs.changes).toMatchObject({ status: 'supplement_requested', supplementRounds: 1, resumeStatus: 'in_review' });
    expect(ofKind(asIs, 'supplement_sent')[0]).toMatchObject({ round: { round: 1, sentBy: DESK, late: false }, items: null });
    const edited = run(proposed, { action: 'request_supplement', items: [{ target: { type: 'field', key: 'address' }, reason: 'Ghi rõ số nhà' }] }, '2026-03-04T08:00:00+07:00', {
      role: 'reception',
      actorId: DESK,
      facts: { proposal },
    });
    expect(ofKind(edited, 'supplement_sent')[0]?.items).toEqual([{ id: 'id-1', targetType: 'field', targetKey: 'address', reason: 'Ghi rõ số nhà' }]);
  });

  it.each([
    // [case, sent at, late]
    ['on the third working day after receipt', '2026-03-05T09:00:00+07:00', false],
    ['on the fourth working day: sent, but flagged late', '2026-03-06T08:00:00+07:00', true],
  ])('the 3-working-day window: %s', (_, now, late) => {
    const dec = run(inReview, { action: 'request_supplement', items: [item] }, now, { role: 'reception', actorId: DESK });
    expect(ofKind(dec, 'supplement_round')[0]?.round).toMatchObject({ late, windowEndsAt: at('2026-03-05T09:00:00+07:00') });
    expect(dec.events[0]?.data).toMatchObject({ late });
  });

  it('at reception (Art. 17) there is no window and no clock to stop', () => {
    const dec = run(submitted, { action: 'request_supplement', items: [item] }, '2026-03-02T09:00:00+07:00', { role: 'reception', actorId: DESK });
    expect(dec.changes).toMatchObject({ status: 'supplement_requested', resumeStatus: 'submitted', pausedAt: null });
    expect(ofKind(dec, 'supplement_round')[0]?.round).toMatchObject({ late: null, windowEndsAt: null });
  });

  it('a second request is an exception: it needs a reason, which is recorded', () => {
    const again = { ...inReview, supplementRounds: 1 };
    const e = fails(() => run(again, { action: 'request_supplement', items: [item] }, '2026-03-10T09:00:00+07:00', { role: 'reception', actorId: DESK }));
    expect(e).toMatchObject({ code: 'SUPPLEMENT_REPEAT_REASON_REQUIRED', details: { round: 2 } });
    expect(fails(() => run(again, { action: 'propose_supplement', items: [item] }, '2026-03-10T09:00:00+07:00')).code).toBe('SUPPLEMENT_REPEAT_REASON_REQUIRED');
    const dec = run(again, { action: 'request_supplement', items: [item], repeatReason: 'Bản bổ sung vẫn mờ' }, '2026-03-10T09:00:00+07:00', { role: 'reception', actorId: DESK });
    expect(dec.changes.supplementRounds).toBe(2);
    expect(ofKind(dec, 'supplement_round')[0]?.round).toMatchObject({ round: 2, repeatReason: 'Bản bổ sung vẫn mờ', late: true });
  });

  it('refuses items the procedure does not have, and the same item twice', () => {
    const unknown = { target: { type: 'document' as const, key: 'so-do' }, reason: 'x' };
    expect(fails(() => run(inReview, { action: 'propose_supplement', items: [unknown] }, '2026-03-03T10:00:00+07:00')).code).toBe('VALIDATION_FAILED');
    expect(fails(() => run(inReview, { action: 'propose_supplement', items: [item, item] }, '2026-03-03T10:00:00+07:00')).code).toBe('VALIDATION_FAILED');
  });
});

describe('answer_supplement: complete, the time limit starts again from zero', () => {
  const waiting: DossierState = {
    ...inReview,
    status: 'supplement_requested',
    resumeStatus: 'in_review',
    supplementRounds: 1,
    pausedAt: at('2026-03-03T10:00:00+07:00'),
    extended: true,
    extension: { dueAt: '2026-03-09T17:00:00+07:00', at: '2026-03-03T09:00:00+07:00', reason: 'x', apologyOnTime: true },
  };
  const open = [{ id: 'i1', targetType: 'document' as const, targetKey: 'to-khai', reason: 'Bản chụp mờ' }];

  it('restarts the clock, clears the extension’s date (the once-only extension stays used), resumes review', () => {
    const dec = run(waiting, { action: 'answer_supplement', answers: [{ itemId: 'i1', fileId: 'up1' }] }, '2026-03-10T09:00:00+07:00', {
      role: 'applicant',
      actorId: APPLICANT,
      facts: { openItems: open, uploaders: { up1: APPLICANT } },
    });
    expect(dec.changes).toMatchObject({ status: 'in_review', pausedAt: null, extension: null, resumeStatus: null });
    expect(dec.changes.extended).toBeUndefined();
    expect(vn(dec.changes.dueAt)).toBe('2026-03-13T09:00:00+07:00');
    expect(ofKind(dec, 'attach')[0]?.documents).toEqual([{ id: 'id-1', requirementId: 'to-khai', uploadId: 'up1', round: 1, purpose: 'application' }]);
    expect(ofKind(dec, 'supplement_answered')[0]).toEqual({ kind: 'supplement_answered', round: 1, answers: [{ itemId: 'i1', answer: { itemId: 'i1', fileId: 'up1' } }] });
  });

  it('refuses a file someone else uploaded, and a missing answer', () => {
    const base = { role: 'applicant' as const, actorId: APPLICANT };
    expect(fails(() => run(waiting, { action: 'answer_supplement', answers: [{ itemId: 'i1', fileId: 'up1' }] }, '2026-03-10T09:00:00+07:00', { ...base, facts: { openItems: open, uploaders: { up1: 'stranger' } } })).code).toBe('FILE_NOT_FOUND');
    expect(fails(() => run(waiting, { action: 'answer_supplement', answers: [{ itemId: 'zz', value: 'x' }] }, '2026-03-10T09:00:00+07:00', { ...base, facts: { openItems: open } })).code).toBe('SUPPLEMENT_ANSWER_INVALID');
  });
});

describe('payment waits and extensions', () => {
  it('request_payment stops the clock; confirm_payment moves the due date and the extension’s by the working time waited', () => {
    const asked = run(inReview, { action: 'request_payment', amountVnd: 15000, reason: 'Lệ phí' }, '2026-03-04T10:00:00+07:00');
    expect(asked.changes).toMatchObject({ status: 'awaiting_payment', pausedAt: at('2026-03-04T10:00:00+07:00'), resumeStatus: 'in_review' });
    const waiting: DossierState = {
      ...inReview,
      status: 'awaiting_payment',
      resumeStatus: 'in_review',
      pausedAt: at('2026-03-04T10:00:00+07:00'),
      extended: true,
      extension: { dueAt: '2026-03-06T01:00:00.000Z', at: '2026-03-03T02:00:00.000Z', reason: 'x', apologyOnTime: true },
    };
    const paid = run(waiting, { action: 'confirm_payment' }, '2026-03-10T09:00:00+07:00', { role: 'reception', actorId: DESK });
    expect(paid.changes).toMatchObject({ status: 'in_review', pausedAt: null, resumeStatus: null });
    expect(vn(paid.changes.dueAt)).toBe('2026-03-11T08:00:00+07:00');
    expect(vn(at(paid.changes.extension!.dueAt))).toBe('2026-03-11T17:00:00+07:00'); // Friday 08:00 + 31 working hours
    expect(paid.events[0]?.data).toMatchObject({ pausedWorkingHours: 31 });
  });

  it.each([
    // [case, now, new date, apologyOnTime | error]
    ['two days before, to a later date', '2026-03-03T10:00:00+07:00', '2026-03-10T17:00:00+07:00', true],
    ['on the due day: sent, recorded as late', '2026-03-05T08:00:00+07:00', '2026-03-10T17:00:00+07:00', false],
    ['after the due date: sent, recorded as late', '2026-03-06T08:00:00+07:00', '2026-03-10T17:00:00+07:00', false],
    ['to a date before the due date', '2026-03-03T10:00:00+07:00', '2026-03-04T17:00:00+07:00', 'EXTENSION_NOT_ALLOWED'],
    ['to a date already past', '2026-03-06T08:00:00+07:00', '2026-03-05T17:00:00+07:00', 'EXTENSION_NOT_ALLOWED'],
  ])('extend %s', (_, now, newDueAt, expected) => {
    const input = { action: 'extend' as const, newDueAt, reason: 'Xin lỗi ông/bà: cần xác minh thực tế' };
    if (typeof expected === 'string') {
      expect(fails(() => run(inReview, input, now)).code).toBe(expected);
      return;
    }
    const dec = run(inReview, input, now);
    expect(dec.changes.dueAt).toBeUndefined(); // the due date the law set stays
    expect(dec.changes).toMatchObject({ extended: true, extension: { dueAt: at(newDueAt).toISOString(), apologyOnTime: expected, reason: input.reason } });
  });

  it('extends once only', () => {
    const once = { ...inReview, extended: true };
    expect(fails(() => run(once, { action: 'extend', newDueAt: '2026-03-12T17:00:00+07:00', reason: 'Lần hai' }, '2026-03-03T10:00:00+07:00')).code).toBe('EXTENSION_NOT_ALLOWED');
  });
});

describe('the rest of the lifecycle', () => {
  it.each<[string, DossierState, ActionInput, ActionFacts, Record<string, unknown>]>([
    ['assign to a specialist of the unit', { ...inReview, status: 'received', assigneeId: null }, { action: 'assign', assigneeId: SPECIALIST }, { assignee: { departmentId: 'VHXH' } }, { status: 'in_review', assigneeId: SPECIALIST, departmentId: 'VHXH' }],
    ['transfer to another unit (liên thông)', inReview, { action: 'transfer', unitCode: 'DEMO.00.H25.STNMT', reason: 'Thuộc thẩm quyền Sở' }, { unit: { id: 'so', name: 'Sở' } }, { status: 'received', handlingUnitId: 'so', assigneeId: null, departmentId: null }],
    ['propose a result', inReview, { action: 'propose', outcome: 'granted', comment: 'Đủ điều kiện' }, {}, { status: 'awaiting_approval', outcome: 'granted' }],
    ['refuse at reception', submitted, { action: 'refuse', reason: 'Không thuộc thẩm quyền' }, {}, { status: 'refused', outcome: 'refused' }],
  ])('%s', (_, d, input, facts, expected) => {
    expect(run(d, input, '2026-03-03T10:00:00+07:00', { facts }).changes).toMatchObject(expected);
  });

  it.each<[string, ActionInput, ActionFacts, string]>([
    ['assign to someone who is not a specialist of the unit', { action: 'assign', assigneeId: 'x' }, { assignee: null }, 'USER_NOT_FOUND'],
    ['transfer to an unknown unit', { action: 'transfer', unitCode: 'NOWHERE', reason: 'x' }, { unit: null }, 'UNIT_NOT_FOUND'],
    ['transfer to the unit itself', { action: 'transfer', unitCode: 'WARD', reason: 'x' }, { unit: { id: 'ward', name: 'Phường' } }, 'UNIT_NOT_FOUND'],
    ['issue a result file someone else uploaded', { action: 'issue_result', fileIds: ['f1'] }, { uploaders: { f1: 'someone' } }, 'FILE_NOT_FOUND'],
  ])('refuses to %s', (_, input, facts, code) => {
    const d = input.action === 'issue_result' ? { ...inReview, status: 'approved' as const } : inReview;
    expect(fails(() => run(d, input, '2026-03-03T10:00:00+07:00', { facts })).code).toBe(code);
  });

  it('issue_result finishes the clock: the result files are attached', () => {
    const approved = { ...inReview, status: 'approved' as const, outcome: 'granted' };
    const dec = run(approved, { action: 'issue_result', fileIds: ['f1'] }, '2026-03-04T16:00:00+07:00', { facts: { uploaders: { f1: SPECIALIST } } });
    expect(dec.changes).toMatchObject({ status: 'result_ready', finishedAt: at('2026-03-04T16:00:00+07:00') });
    expect(ofKind(dec, 'attach')[0]?.documents[0]).toMatchObject({ requirementId: 'result', purpose: 'result' });
  });
});
