/**
 * Obstacles (vướng mắc) that block a project, and the leaders' directions (chỉ đạo) to remove
 * them, each with a deadline. Whether a direction is overdue is a pure function of the direction
 * and `now`: its deadline is a Vietnam calendar date, met if the direction is reported done on or
 * before that date, overdue from the next day while it is not.
 */
import { parseIsoDate, type IsoDate } from './calendar/dates.ts';
import { vnDateOf } from './calendar/vn-time.ts';

/** Who must act on an obstacle or carry out a direction. */
export const ACTOR_KINDS = ['department', 'investor', 'other'] as const;
/** `department`: a department of the ward; `investor`: the project's investor; `other`: another agency, named in text (a provincial department…). */
export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface DirectionFacts {
  deadline: IsoDate;
  /** When it was reported done, or null. */
  completedAt: Date | null;
}

export const DIRECTION_STATES = ['overdue', 'due_soon', 'open', 'done_late', 'done'] as const;
export type DirectionState = (typeof DIRECTION_STATES)[number];

export interface DirectionStatus {
  state: DirectionState;
  /** Days past the deadline: until now while open, until completion once done (0 if in time). */
  daysOverdue: number;
  /** Days left before the deadline while open (negative once overdue). */
  daysLeft: number | null;
}

/** How many days before its deadline an open direction shows as "due soon". */
export const DIRECTION_DUE_SOON_DAYS = 3;

export function directionStatus(d: DirectionFacts, now: Date): DirectionStatus {
  const deadline = parseIsoDate(d.deadline);
  if (d.completedAt !== null) {
    const late = parseIsoDate(vnDateOf(d.completedAt)) - deadline;
    return { state: late > 0 ? 'done_late' : 'done', daysOverdue: Math.max(0, late), daysLeft: null };
  }
  const left = deadline - parseIsoDate(vnDateOf(now));
  if (left < 0) return { state: 'overdue', daysOverdue: -left, daysLeft: left };
  return { state: left <= DIRECTION_DUE_SOON_DAYS ? 'due_soon' : 'open', daysOverdue: 0, daysLeft: left };
}

export const isDirectionOverdue = (d: DirectionFacts, now: Date) => directionStatus(d, now).state === 'overdue';

export interface ObstacleFacts {
  resolvedAt: Date | null;
  directions: readonly DirectionFacts[];
}

export interface ObstacleStatus {
  resolved: boolean;
  /** Open directions past their deadline. */
  overdueDirections: number;
  /** Open directions (not yet reported done). */
  openDirections: number;
}

/** An obstacle's standing: resolved or not, and how many of its directions are open or overdue. */
export function obstacleStatus(o: ObstacleFacts, now: Date): ObstacleStatus {
  const states = o.directions.map((d) => directionStatus(d, now).state);
  return {
    resolved: o.resolvedAt !== null && o.resolvedAt.getTime() <= now.getTime(),
    overdueDirections: states.filter((s) => s === 'overdue').length,
    openDirections: states.filter((s) => s === 'overdue' || s === 'due_soon' || s === 'open').length,
  };
}

/** What a project's obstacles add up to, for the leaders' list. */
export function obstaclesSummary(obstacles: readonly ObstacleFacts[], now: Date) {
  const each = obstacles.map((o) => obstacleStatus(o, now));
  return {
    open: each.filter((s) => !s.resolved).length,
    overdueDirections: each.reduce((n, s) => n + s.overdueDirections, 0),
    openDirections: each.reduce((n, s) => n + s.openDirections, 0),
  };
}
