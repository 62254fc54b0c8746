import { describe, expect, it } from 'vitest';
import { ACTIONS, ALLOWED_ACTIONS, STATUSES, STATUS_INFO, isAllowed, nextStatus } from './dossier-state.ts';
import { roleFor, canRead, type Actor, type DossierScope } from './permissions.ts';

describe('the allowed-actions table', () => {
  it('closed statuses allow nothing', () => {
    for (const s of STATUSES.filter((x) => !STATUS_INFO[x].open)) expect(ALLOWED_ACTIONS[s]).toEqual([]);
  });

  it.each([
    ['submitted', 'receive', 'received'],
    ['submitted', 'refuse', 'refused'],
    ['received', 'assign', 'in_review'],
    ['in_review', 'propose', 'awaiting_approval'],
    ['awaiting_approval', 'approve', 'approved'],
    ['awaiting_approval', 'reject', 'in_review'],
    ['approved', 'issue_result', 'result_ready'],
    ['result_ready', 'return_result', 'returned'],
    ['in_review', 'consult', 'consulting'],
    ['consulting', 'consult_reply', 'in_review'],
    ['in_review', 'request_payment', 'awaiting_payment'],
    ['received', 'transfer', 'received'],
    ['in_review', 'withdraw', 'withdrawn'],
    ['awaiting_approval', 'stop', 'stopped'],
    ['in_review', 'extend', 'in_review'],
  ] as const)('%s + %s → %s', (from, action, to) => {
    expect(nextStatus(from, action, null)).toBe(to);
  });

  it('a supplement answer resumes where the request was made', () => {
    expect(nextStatus('supplement_requested', 'answer_supplement', 'submitted')).toBe('submitted');
    expect(nextStatus('supplement_requested', 'answer_supplement', 'in_review')).toBe('in_review');
    expect(nextStatus('awaiting_payment', 'confirm_payment', 'in_review')).toBe('in_review');
  });

  it('refuses actions out of order', () => {
    expect(isAllowed('submitted', 'approve')).toBe(false);
    expect(isAllowed('returned', 'withdraw')).toBe(false);
    expect(isAllowed('result_ready', 'withdraw')).toBe(false);
    expect(() => nextStatus('submitted', 'approve', null)).toThrow();
  });

  it('every action is allowed somewhere and leads to a known status', () => {
    for (const action of ACTIONS) {
      const from = STATUSES.filter((s) => isAllowed(s, action));
      expect(from.length, action).toBeGreaterThan(0);
      for (const s of from) expect(STATUSES).toContain(nextStatus(s, action, 'in_review'));
    }
  });
});

describe('permissions', () => {
  const dossier: DossierScope = {
    applicantId: 'citizen-1',
    submittedBy: 'citizen-1',
    receivingUnitId: 'unit-a',
    handlingUnitId: 'unit-a',
    assigneeId: 'spec-a',
  };
  const staff = (id: string, unitId: string, roles: Actor['roles']): Actor => ({
    id,
    kind: 'staff',
    roles,
    unitId,
    departmentId: null,
  });
  const citizen = (id: string): Actor => ({ id, kind: 'citizen', roles: [], unitId: null, departmentId: null });

  it('a citizen reads only their own dossier', () => {
    expect(canRead(citizen('citizen-1'), dossier)).toBe(true);
    expect(canRead(citizen('citizen-2'), dossier)).toBe(false);
  });

  it('staff of another unit can neither read nor act', () => {
    const other = staff('spec-b', 'unit-b', ['specialist', 'leader', 'reception']);
    expect(canRead(other, dossier)).toBe(false);
    expect(roleFor(other, 'propose', { ...dossier, assigneeId: 'spec-b' })).toBeNull();
    expect(roleFor(other, 'receive', dossier)).toBeNull();
  });

  it('roles decide who acts', () => {
    expect(roleFor(staff('r', 'unit-a', ['reception']), 'receive', dossier)).toBe('reception');
    expect(roleFor(staff('r', 'unit-a', ['reception']), 'approve', dossier)).toBeNull();
    expect(roleFor(staff('l', 'unit-a', ['leader']), 'approve', dossier)).toBe('leader');
    expect(roleFor(citizen('citizen-1'), 'withdraw', dossier)).toBe('applicant');
    expect(roleFor(citizen('citizen-2'), 'withdraw', dossier)).toBeNull();
    expect(roleFor(staff('x', 'unit-a', ['leader']), 'withdraw', dossier)).toBeNull();
  });

  it('only the assigned specialist proposes', () => {
    expect(roleFor(staff('spec-a', 'unit-a', ['specialist']), 'propose', dossier)).toBe('specialist');
    expect(roleFor(staff('spec-c', 'unit-a', ['specialist']), 'propose', dossier)).toBeNull();
  });
});
