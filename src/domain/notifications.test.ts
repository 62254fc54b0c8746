import { describe, expect, it } from 'vitest';
import {
  applicantNoticeOf,
  channelsFor,
  deliveryTargets,
  digestDue,
  digestScopeOf,
  fill,
  formatVnd,
  formatWhen,
  NOTIFICATION_EVENT_KEYS,
  officialNoticesOf,
  templateProblems,
  type DossierEventFacts,
} from './notifications.ts';
import { DEFAULT_TEMPLATES } from '../modules/notifications/notifications.defaults.ts';

describe('which notice an event sends its applicant', () => {
  const cases: [string, Partial<DossierEventFacts>, string | null][] = [
    ['online submission', { action: 'submit', fromStatus: null, toStatus: 'submitted', channel: 'online' }, 'dossier.submitted'],
    ['desk submission: the applicant holds the paper', { action: 'submit', fromStatus: null, toStatus: 'submitted', channel: 'in_person' }, null],
    ['received', { action: 'receive', fromStatus: 'submitted', toStatus: 'received' }, 'dossier.received'],
    ['assigned: inside the office', { action: 'assign', fromStatus: 'received', toStatus: 'in_review' }, null],
    ['supplement requested', { action: 'request_supplement', fromStatus: 'in_review', toStatus: 'supplement_requested' }, 'dossier.supplement_requested'],
    ['answered: the applicant did it', { action: 'answer_supplement', fromStatus: 'supplement_requested', toStatus: 'in_review' }, null],
    ['payment requested', { action: 'request_payment', fromStatus: 'in_review', toStatus: 'awaiting_payment' }, 'dossier.payment_requested'],
    ['extension with apology', { action: 'extend', fromStatus: 'in_review', toStatus: 'in_review' }, 'dossier.extended'],
    ['refused', { action: 'refuse', fromStatus: 'submitted', toStatus: 'refused' }, 'dossier.refused'],
    ['stopped', { action: 'stop', fromStatus: 'in_review', toStatus: 'stopped' }, 'dossier.stopped'],
    ['proposal: inside the office', { action: 'propose', fromStatus: 'in_review', toStatus: 'awaiting_approval' }, null],
    ['result issued', { action: 'issue_result', fromStatus: 'approved', toStatus: 'result_ready' }, 'dossier.result_ready'],
    ['returned', { action: 'return_result', fromStatus: 'result_ready', toStatus: 'returned' }, 'dossier.returned'],
  ];
  it.each(cases)('%s', (_, e, expected) => {
    expect(applicantNoticeOf({ channel: 'online', fromStatus: null, toStatus: 'submitted', action: 'x', ...e } as DossierEventFacts)).toBe(expected);
  });
});

describe('which officials an event concerns', () => {
  it.each([
    ['assign to another', { action: 'assign', data: { assigneeId: 'u2' }, assigneeId: 'u2', actorId: 'u1' }, [{ event: 'staff.assigned', to: { userId: 'u2' } }]],
    ['assign to oneself', { action: 'assign', data: { assigneeId: 'u1' }, assigneeId: 'u1', actorId: 'u1' }, []],
    ['consult', { action: 'consult', data: { departmentId: 'd1' }, assigneeId: 'u2', actorId: 'u2' }, [{ event: 'staff.consulted', to: { departmentId: 'd1' } }]],
    ['answer', { action: 'answer_supplement', data: {}, assigneeId: 'u2', actorId: 'c1' }, [{ event: 'staff.applicant_answered', to: { userId: 'u2' } }]],
    ['answer, nobody assigned', { action: 'answer_supplement', data: {}, assigneeId: null, actorId: 'c1' }, []],
    ['receive', { action: 'receive', data: {}, assigneeId: null, actorId: 'r1' }, []],
  ] as const)('%s', (_, e, expected) => {
    expect(officialNoticesOf({ ...e, data: { ...e.data } })).toEqual(expected);
  });
});

describe('templates', () => {
  it.each(NOTIFICATION_EVENT_KEYS)('the built-in text of %s passes every check', (event) => {
    expect(templateProblems(event, DEFAULT_TEMPLATES[event])).toEqual([]);
  });

  it('fills placeholders, tolerating spaces; an absent fact leaves nothing, and no trailing spaces', () => {
    expect(fill('Hồ sơ {{ code }} — {{code}}: {{missing}}', { code: 'A-1' })).toBe('Hồ sơ A-1 — A-1:');
  });

  it('names every problem in both languages', () => {
    const ok = DEFAULT_TEMPLATES['dossier.supplement_requested'];
    const problems = templateProblems('dossier.supplement_requested', {
      vi: { ...ok.vi, body: 'Hồ sơ {{code}} ở trạng thái supplement_requested, {{cccd}} {oops}' },
      en: { ...ok.en, sms: 'x'.repeat(460) },
    });
    expect(problems.map((p) => `${p.locale}.${p.part}: ${p.messageEn}`)).toEqual([
      'vi.body: {{cccd}} is not a fact of this notice',
      'vi.body: stray braces: placeholders are written {{name}}',
      'vi.body: contains an internal code (like supplement_requested)',
      'vi.body: the notice must mention {{items}}',
      'vi.body: the notice must mention {{deadline}}',
      'vi.body: the notice must mention {{link}}',
      'en.sms: SMS longer than 459 characters with the sample data',
    ]);
  });
});

describe('channels and verified contacts', () => {
  const both = { phone: '0912345678', phoneVerified: true, email: 'a@example.vn', emailVerified: true };
  it.each([
    ['nothing chosen: every channel offered', 'citizen', null, ['email', 'sms'], both, [['email', 'a@example.vn'], ['sms', '0912345678']]],
    ['staff who chose nothing: email only', 'staff', null, ['email', 'sms', 'zalo'], both, [['email', 'a@example.vn']]],
    ['a choice not offered is ignored', 'citizen', ['zalo', 'sms'], ['email', 'sms'], both, [['sms', '0912345678']]],
    ['Zalo reaches the phone', 'citizen', ['zalo'], ['email', 'sms', 'zalo'], both, [['zalo', '0912345678']]],
    ['an unverified phone gets nothing', 'citizen', null, ['email', 'sms'], { ...both, phoneVerified: false }, [['email', 'a@example.vn']]],
    ['no email on record', 'business', ['email'], ['email', 'sms'], { ...both, email: null }, []],
  ] as const)('%s', (_, kind, chosen, offered, contacts, expected) => {
    const channels = channelsFor(kind, chosen, offered);
    expect(deliveryTargets(contacts, channels).map((t) => [t.channel, t.recipient])).toEqual(expected);
  });
});

describe('wording of facts', () => {
  it('dates in Vietnam time, with the weekday', () => {
    const t = new Date('2026-03-05T09:30:00Z'); // 16:30 in Vietnam, a Thursday
    expect(formatWhen(t, 'vi')).toBe('16:30 thứ Năm, 05/03/2026');
    expect(formatWhen(t, 'en')).toBe('Thursday 5 March 2026, 16:30');
    expect(formatWhen(new Date('2026-02-28T17:30:00Z'), 'vi', false)).toBe('Chủ nhật, 01/03/2026');
  });
  it('amounts in đồng', () => {
    expect(formatVnd(1_250_000, 'vi')).toBe('1.250.000 đồng');
    expect(formatVnd(50_000, 'en')).toBe('50,000 VND');
    expect(formatVnd(0, 'vi')).toBe('0 đồng');
  });
});

describe('the daily digest', () => {
  it('scope by role: a department leader sees the department, a unit leader the unit, a specialist their own', () => {
    expect(digestScopeOf({ id: 'l', roles: ['leader'], departmentId: 'd' })).toEqual({ kind: 'department', departmentId: 'd' });
    expect(digestScopeOf({ id: 'l', roles: ['leader'], departmentId: null })).toEqual({ kind: 'unit' });
    expect(digestScopeOf({ id: 's', roles: ['specialist'], departmentId: 'd' })).toEqual({ kind: 'assignee', userId: 's' });
    expect(digestScopeOf({ id: 'r', roles: ['reception'], departmentId: 'd' })).toEqual({ kind: 'reception' });
    expect(digestScopeOf({ id: 'a', roles: ['unit_admin'], departmentId: 'd' })).toBeNull();
  });
  it.each([
    ['07:29 on a working day', '2026-03-02T00:29:00Z', true, false],
    ['07:30 on a working day', '2026-03-02T00:30:00Z', true, true],
    ['23:59 on a working day', '2026-03-02T16:59:00Z', true, true],
    ['a day off', '2026-03-01T03:00:00Z', false, false],
  ])('%s', (_, iso, isWorkingDay, due) => {
    expect(digestDue(new Date(iso), { isWorkingDay, hour: 7.5 })).toBe(due);
  });
});
