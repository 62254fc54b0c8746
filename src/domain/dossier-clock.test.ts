import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, formatVn, parseLocalVn, prefillYear } from './calendar/index.ts';
import {
  apologyOnTime,
  clockState,
  dueFrom,
  restartedDue,
  shiftedByPause,
  supplementWindow,
  timelinessOf,
  type ClockFacts,
} from './dossier-clock.ts';
import type { Status } from './dossier-state.ts';
import { needsAppointment } from './time-limit.ts';
import type { TimeLimit } from './procedure.ts';

// The legal clock: Decree 118/2025/NĐ-CP Art. 17–19 and DOMAIN.md "What the clock shows".
const cal = createWorkingCalendar({ yearProvider: (y) => prefillYear(y) });
const at = (iso: string) => new Date(iso);
const vn = (d: Date | null) => (d ? formatVn(d) : null);

// 1.004194 Đăng ký tạm trú: received Monday 2/3/2026 09:00, 3 working days → Thursday 5/3 09:00.
const RECEIVED = at('2026-03-02T09:00:00+07:00');
const DUE = at('2026-03-05T09:00:00+07:00');
const facts = (status: Status, over: Partial<ClockFacts> = {}): ClockFacts => ({ status, receivedAt: RECEIVED, dueAt: DUE, finishedAt: null, ...over });

describe('clockState', () => {
  it.each<[string, ClockFacts, string]>([
    ['submitted, not received', facts('submitted', { receivedAt: null, dueAt: null }), 'not_started'],
    ['being reviewed', facts('in_review'), 'running'],
    ['a supplement proposed, not yet sent (the desk has it)', facts('supplement_proposed'), 'running'],
    ['waiting for the applicant’s supplement', facts('supplement_requested'), 'stopped'],
    ['waiting for a payment', facts('awaiting_payment'), 'stopped'],
    ['supplement requested at reception, before receipt', facts('supplement_requested', { receivedAt: null, dueAt: null }), 'not_started'],
    ['result issued', facts('result_ready', { finishedAt: at('2026-03-04T10:00:00+07:00') }), 'finished'],
    ['refused at reception', facts('refused', { receivedAt: null, dueAt: null, finishedAt: RECEIVED }), 'closed'],
    ['withdrawn', facts('withdrawn', { finishedAt: RECEIVED }), 'closed'],
  ])('%s → %s', (_, f, expected) => {
    expect(clockState(f)).toBe(expected);
  });
});

describe('timelinessOf: against the due date the law set, never while waiting', () => {
  it.each<[string, ClockFacts, string, string | null]>([
    ['open, before the due date', facts('in_review'), '2026-03-04T16:00:00+07:00', null],
    ['open, past the due date', facts('in_review'), '2026-03-05T09:01:00+07:00', 'late'],
    ['waiting for a supplement past the due date: stopped, not late', facts('supplement_requested'), '2026-03-20T09:00:00+07:00', null],
    ['waiting for a payment past the due date: stopped, not late', facts('awaiting_payment'), '2026-03-20T09:00:00+07:00', null],
    ['finished a calendar day early', facts('result_ready', { finishedAt: at('2026-03-04T16:00:00+07:00') }), '2026-03-20T09:00:00+07:00', 'early'],
    ['finished on the due day, before the hour', facts('returned', { finishedAt: at('2026-03-05T08:00:00+07:00') }), '2026-03-20T09:00:00+07:00', 'on_time'],
    ['finished after it (an extension does not count)', facts('returned', { finishedAt: at('2026-03-06T10:00:00+07:00') }), '2026-03-20T09:00:00+07:00', 'late'],
    ['stopped by the leader', facts('stopped', { finishedAt: at('2026-03-10T10:00:00+07:00') }), '2026-03-20T09:00:00+07:00', null],
    ['no due date yet', facts('submitted', { receivedAt: null, dueAt: null }), '2026-03-20T09:00:00+07:00', null],
  ])('%s → %s', (_, f, now, expected) => {
    expect(timelinessOf(f, cal, at(now))).toBe(expected);
  });
});

describe('needsAppointment: the officer gives the date when the catalogue cannot', () => {
  const limit = (over: Partial<TimeLimit>): TimeLimit => ({ amount: 3, unit: 'working_days', note: '', toBeConfirmed: false, ...over });
  it.each<[string, TimeLimit, boolean]>([
    ['1.004194 Đăng ký tạm trú: 3 working days', limit({}), false],
    ['1.001193 Đăng ký khai sinh: same day', limit({ amount: 1, unit: 'same_day' }), false],
    ['1.001612 Đăng ký thành lập hộ kinh doanh: none published', limit({ amount: null, unit: null, toBeConfirmed: true }), true],
    ['1.004884 Đăng ký lại khai sinh: "5 Khác" on the national portal', limit({ amount: 5, toBeConfirmed: true }), true],
    ['1.011609: 15 days, calendar or working unconfirmed', limit({ amount: 15, unit: 'calendar_days', toBeConfirmed: true }), true],
  ])('%s → %s', (_, l, expected) => {
    expect(needsAppointment(l)).toBe(expected);
  });

  it('suggests what the unconfirmed limit would give, or nothing when it has no amount', () => {
    expect(vn(dueFrom(limit({ amount: 5, toBeConfirmed: true }), cal, RECEIVED))).toBe('2026-03-09T09:00:00+07:00');
    expect(dueFrom(limit({ amount: null, unit: null, toBeConfirmed: true }), cal, RECEIVED)).toBeNull();
  });
});

describe('restartedDue: after a completed supplement the time limit starts again from zero', () => {
  const limit: TimeLimit = { amount: 3, unit: 'working_days', note: '', toBeConfirmed: false };
  it('by the procedure’s time limit', () => {
    const due = restartedDue(limit, cal, { clockStartedAt: RECEIVED, dueAt: DUE, appointmentSet: false }, at('2026-03-10T09:00:00+07:00'));
    expect(vn(due)).toBe('2026-03-13T09:00:00+07:00');
  });
  it('by the working time of the officer’s appointment (here 2 working days)', () => {
    const previous = { clockStartedAt: RECEIVED, dueAt: at('2026-03-04T09:00:00+07:00'), appointmentSet: true };
    expect(vn(restartedDue({ ...limit, amount: null, unit: null, toBeConfirmed: true }, cal, previous, at('2026-03-10T15:00:00+07:00')))).toBe(
      '2026-03-12T15:00:00+07:00',
    );
  });
});

describe('shiftedByPause: a payment wait does not count against the agency', () => {
  it.each([
    // Paused Wednesday 10:00, paid the next Tuesday 09:00: 31 working hours waited.
    ['2026-03-05T09:00:00+07:00', '2026-03-04T10:00:00+07:00', '2026-03-10T09:00:00+07:00', '2026-03-11T08:00:00+07:00'],
    // Paid the same hour: nothing moves.
    ['2026-03-05T09:00:00+07:00', '2026-03-04T10:00:00+07:00', '2026-03-04T10:00:00+07:00', '2026-03-05T09:00:00+07:00'],
    // Paused over a weekend only: no working time passed.
    ['2026-03-09T09:00:00+07:00', '2026-03-07T10:00:00+07:00', '2026-03-08T16:00:00+07:00', '2026-03-09T09:00:00+07:00'],
  ])('due %s, paused %s, resumed %s → %s', (due, paused, now, expected) => {
    expect(vn(shiftedByPause(at(due), at(paused), at(now), cal))).toBe(expected);
  });
});

describe('supplementWindow: within 3 working days of receipt (Decree 118/2025 Art. 19)', () => {
  it.each<[string, string | null, string, boolean | null]>([
    ['on the third working day, to the hour', '2026-03-02T09:00:00+07:00', '2026-03-05T09:00:00+07:00', false],
    ['a minute after', '2026-03-02T09:00:00+07:00', '2026-03-05T09:01:00+07:00', true],
    ['received on the Friday before Tết 2026: the holiday does not count', '2026-02-13T16:00:00+07:00', '2026-02-25T10:00:00+07:00', false],
    ['received on the Friday before Tết 2026, sent on the fourth working day', '2026-02-13T16:00:00+07:00', '2026-02-26T08:00:00+07:00', true],
    ['at reception, before receipt: no window (Art. 17)', null, '2026-03-02T09:00:00+07:00', null],
  ])('%s → late: %s', (_, received, sent, expected) => {
    const w = supplementWindow(received ? at(received) : null, at(sent), cal);
    expect(w?.late ?? null).toBe(expected);
    if (w) expect(w.legalBasis).toMatch(/Nghị định (61\/2018|118\/2025)/);
  });
  it('names the decree in force on the day of receipt', () => {
    expect(supplementWindow(at('2025-06-30T09:00:00+07:00'), at('2025-07-01T09:00:00+07:00'), cal)?.legalBasis).toBe('Nghị định 61/2018/NĐ-CP, Điều 19');
    expect(supplementWindow(at('2025-07-01T09:00:00+07:00'), at('2025-07-02T09:00:00+07:00'), cal)?.legalBasis).toBe('Nghị định 118/2025/NĐ-CP, Điều 19');
  });
});

describe('apologyOnTime: at least one day before the due date', () => {
  it.each([
    ['2026-03-18T17:00:00+07:00', true], // the day before
    ['2026-03-19T08:00:00+07:00', false], // the due day itself
    ['2026-03-20T09:00:00+07:00', false], // already late
  ])('sent %s for Thursday 19/3 09:00 → %s', (now, expected) => {
    expect(apologyOnTime(at('2026-03-19T09:00:00+07:00'), at(now))).toBe(expected);
  });
});

it('parses local Vietnam times the way the tables write them', () => {
  expect(parseLocalVn('2026-03-02', '09:00').toISOString()).toBe(RECEIVED.toISOString());
});
