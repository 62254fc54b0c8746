import { describe, expect, it } from 'vitest';
import { directionStatus, isDirectionOverdue, obstacleStatus, obstaclesSummary } from './projects-obstacles.ts';

const at = (iso: string) => new Date(iso);

describe('a leader’s direction and its deadline (10 March 2026)', () => {
  const cases: [string, string | null, string, string, number, number | null][] = [
    // name, completed at, now, state, days overdue, days left
    ['nine days before: open', null, '2026-03-01T09:00:00+07:00', 'open', 0, 9],
    ['three days before: due soon', null, '2026-03-07T09:00:00+07:00', 'due_soon', 0, 3],
    ['the last minute of the deadline day: due soon, not overdue', null, '2026-03-10T23:59:00+07:00', 'due_soon', 0, 0],
    ['midnight in Vietnam: overdue by one day', null, '2026-03-11T00:00:00+07:00', 'overdue', 1, -1],
    ['still open a month later', null, '2026-04-10T08:00:00+07:00', 'overdue', 31, -31],
    ['done on the deadline day', '2026-03-10T16:00:00+07:00', '2026-04-10T08:00:00+07:00', 'done', 0, null],
    ['done at 00:30 on the 11th (17:30 UTC on the 10th): late by one day', '2026-03-10T17:30:00Z', '2026-04-10T08:00:00+07:00', 'done_late', 1, null],
    ['done two days after', '2026-03-12T09:00:00+07:00', '2026-04-10T08:00:00+07:00', 'done_late', 2, null],
  ];
  it.each(cases)('%s', (_name, completed, now, state, daysOverdue, daysLeft) => {
    const s = directionStatus({ deadline: '2026-03-10', completedAt: completed ? at(completed) : null }, at(now));
    expect(s).toEqual({ state, daysOverdue, daysLeft });
    expect(isDirectionOverdue({ deadline: '2026-03-10', completedAt: completed ? at(completed) : null }, at(now))).toBe(state === 'overdue');
  });
});

describe('obstacles', () => {
  const now = at('2026-03-20T09:00:00+07:00');
  const overdue = { deadline: '2026-03-10', completedAt: null };
  const open = { deadline: '2026-04-10', completedAt: null };
  const done = { deadline: '2026-03-10', completedAt: at('2026-03-09T10:00:00+07:00') };

  it('counts open and overdue directions; a resolution dated later has not happened yet', () => {
    expect(obstacleStatus({ resolvedAt: null, directions: [overdue, open, done] }, now)).toEqual({ resolved: false, overdueDirections: 1, openDirections: 2 });
    expect(obstacleStatus({ resolvedAt: at('2026-03-25T09:00:00+07:00'), directions: [] }, now).resolved).toBe(false);
    expect(obstacleStatus({ resolvedAt: at('2026-03-15T09:00:00+07:00'), directions: [done] }, now).resolved).toBe(true);
  });

  it('sums a project’s obstacles', () => {
    expect(obstaclesSummary([{ resolvedAt: null, directions: [overdue, overdue] }, { resolvedAt: at('2026-03-01T09:00:00+07:00'), directions: [done] }, { resolvedAt: null, directions: [open] }], now)).toEqual({
      open: 2,
      overdueDirections: 2,
      openDirections: 3,
    });
  });
});
