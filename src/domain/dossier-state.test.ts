import { describe, expect, it } from 'vitest';
import { ACTIONS, ALLOWED_ACTIONS, STATUSES, STATUS_INFO, isAllowed, nextStatus } from './dossier-state.ts';

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
