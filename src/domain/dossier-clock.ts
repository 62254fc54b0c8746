/**
 * The legal clock of a dossier (Decree 118/2025/NĐ-CP Art. 17–19; docs/adr/0005-legal-clock.md).
 * Pure: the working calendar and `now` are parameters.
 *
 * - The clock starts at receipt; the due date is the procedure's time limit counted from there
 *   (or, for a procedure whose time limit is unconfirmed, the appointment the receiving officer
 *   gives with a reason).
 * - While the dossier waits for its applicant (a supplement, a financial obligation) the clock is
 *   stopped: it is neither due soon nor overdue and cannot turn late. A completed supplement
 *   restarts the time limit from zero; a paid obligation moves the due date by the working time
 *   waited.
 * - Early / on time / late is judged against that due date. An extension with apology is recorded
 *   beside it and never replaces it: it still counts as late.
 * - A request to supplement after the 3-working-day window from receipt is allowed but flagged.
 */
import { inForceOn, vnDateOf, type IsoDate, type Timeliness, type WorkingCalendar } from './calendar/index.ts';
import type { Status } from './dossier-state.ts';
import type { TimeLimit } from './procedure.ts';

/** Statuses in which the dossier waits for its applicant: the clock is stopped. */
export const WAITING_STATUSES = ['supplement_requested', 'awaiting_payment'] as const satisfies readonly Status[];
/** Statuses that end a dossier without a result: no timeliness at all. */
export const CLOSED_WITHOUT_RESULT = ['refused', 'withdrawn', 'stopped'] as const satisfies readonly Status[];

export const isWaiting = (s: Status): boolean => (WAITING_STATUSES as readonly Status[]).includes(s);
const isClosedWithoutResult = (s: Status): boolean => (CLOSED_WITHOUT_RESULT as readonly Status[]).includes(s);

/**
 * - `not_started`: not received yet (no clock);
 * - `running`: received, being handled;
 * - `stopped`: waiting for the applicant (supplement, payment);
 * - `finished`: the result was issued (timeliness is final);
 * - `closed`: refused, withdrawn or stopped (no timeliness).
 */
export type ClockState = 'not_started' | 'running' | 'stopped' | 'finished' | 'closed';

/** What the clock needs to know of a dossier. */
export interface ClockFacts {
  status: Status;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
}

export function clockState(d: ClockFacts): ClockState {
  if (isClosedWithoutResult(d.status)) return 'closed';
  if (d.finishedAt) return 'finished';
  if (!d.receivedAt) return 'not_started';
  return isWaiting(d.status) ? 'stopped' : 'running';
}

/**
 * Early / on time / late against the due date the law set (never an extension's). Open and past
 * due is late; open and not yet due, or waiting for the applicant, is null.
 */
export function timelinessOf(d: ClockFacts, cal: WorkingCalendar, now: Date): Timeliness | null {
  const state = clockState(d);
  if (!d.dueAt || state === 'closed' || state === 'stopped') return null;
  return cal.timeliness(d.dueAt, d.finishedAt, now);
}


/** The due date the time limit gives from `from`, or null when the limit has no amount or unit. */
export function dueFrom(limit: TimeLimit, cal: WorkingCalendar, from: Date): Date | null {
  const { amount, unit } = limit;
  if (unit === null || (amount === null && unit !== 'same_day')) return null;
  return cal.computeDue(from, amount ?? 1, unit);
}

/**
 * When the time limit starts again from zero at `from` (a completed supplement): by the
 * procedure's time limit, or — when the officer set the appointment — by the working time the
 * officer's appointment gave at first.
 */
export function restartedDue(
  limit: TimeLimit,
  cal: WorkingCalendar,
  previous: { clockStartedAt: Date | null; dueAt: Date | null; appointmentSet: boolean },
  from: Date,
): Date | null {
  if (!previous.appointmentSet) return dueFrom(limit, cal, from);
  if (!previous.clockStartedAt || !previous.dueAt) return null;
  return cal.addWorkingHours(cal.nextOpening(from), cal.workingMsBetween(previous.clockStartedAt, previous.dueAt) / HOUR);
}

const HOUR = 3_600_000;

/** A date moved by the working time the clock was stopped (a financial-obligation wait). */
export function shiftedByPause(date: Date, pausedAt: Date, now: Date, cal: WorkingCalendar): Date {
  const hours = cal.workingMsBetween(pausedAt, now) / HOUR;
  return hours > 0 ? cal.addWorkingHours(date, hours) : date;
}

/** The window for a request to supplement found during review, as law-as-data with its dates. */
export interface SupplementWindowRule {
  effectiveFrom: IsoDate;
  workingDays: number;
  legalBasis: string;
}

export const SUPPLEMENT_WINDOW_RULES: readonly SupplementWindowRule[] = [
  { effectiveFrom: '2018-08-21', workingDays: 3, legalBasis: 'Nghị định 61/2018/NĐ-CP, Điều 19' },
  { effectiveFrom: '2025-07-01', workingDays: 3, legalBasis: 'Nghị định 118/2025/NĐ-CP, Điều 19' },
];

/**
 * Whether a request to supplement sent at `sentAt` is within the window from receipt (null before
 * receipt: the desk's request at reception, Art. 17, has no window).
 */
export function supplementWindow(receivedAt: Date | null, sentAt: Date, cal: WorkingCalendar, rules = SUPPLEMENT_WINDOW_RULES) {
  if (!receivedAt) return null;
  const rule = inForceOn(rules, vnDateOf(receivedAt));
  if (!rule) return null;
  const endsAt = cal.computeDue(receivedAt, rule.workingDays, 'working_days');
  return { endsAt, late: sentAt.getTime() > endsAt.getTime(), legalBasis: rule.legalBasis };
}

/**
 * Whether an apology with a new date is sent in time: at least one day before the due date
 * (Decree 118/2025 Art. 19), compared as Vietnam dates.
 */
export const apologyOnTime = (dueAt: Date, now: Date): boolean => vnDateOf(now) < vnDateOf(dueAt);
