/**
 * Decision 766/QĐ-TTg service-quality indicators from the platform's own dossiers (docs/INDICATORS.md).
 * Pure: the working calendar and `now` are parameters; the caller loads one `DossierFact` per dossier.
 *
 * How a dossier counts in a period [from, to] (Vietnam dates, both included):
 * - **received** in the period of its receipt, by the unit that received it (location-independent
 *   reception: the receiving unit counts the receipt);
 * - **settled** in the period its result was issued, by the unit that handles it: early, on time or
 *   late against the due date the law set (an extension with apology still counts late; waiting for
 *   the applicant is already out of that due date: the clock moved it);
 * - **in progress** at the period's end (or now, if sooner), by the handling unit: on time, overdue,
 *   or waiting for the applicant (clock stopped: never overdue);
 * - refused, withdrawn and stopped dossiers have no timeliness: counted apart.
 */
import type { IsoDate } from './calendar/dates.ts';
import { addDays } from './calendar/dates.ts';
import { parseLocalVn } from './calendar/vn-time.ts';
import type { WorkingCalendar } from './calendar/working-time.ts';
import { CLOSED_WITHOUT_RESULT, WAITING_STATUSES } from './dossier-clock.ts';
import type { Status } from './dossier-state.ts';
import type { FeedbackIndicators } from './feedback.ts';
import { round2, type ComputedIngredient } from './indicators-rules.ts';

/** What the indicators need to know of one dossier (one row of the service's query). */
export interface DossierFact {
  code: string;
  procedureCode: string;
  procedureName: string;
  field: string;
  /** The procedure (as filed) is offered end-to-end online. */
  endToEndEligible: boolean;
  channel: string;
  receivingUnitId: string;
  handlingUnitId: string;
  departmentId: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  status: Status;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  extension: { dueAt: string; apologyOnTime: boolean } | null;
  supplementRounds: number;
  /** Rounds sent after the 3-working-day window. */
  supplementLate: number;
  /** Its application papers are on file as scans or uploads. */
  digitised: boolean;
  /** A signed electronic result was issued (and not revoked). */
  electronicResult: boolean;
  /** That result sits in the applicant's electronic document store. */
  inPersonalStore: boolean;
  /** Synced to the national portal; null while the platform cannot know (no interop yet). */
  synced: boolean | null;
  /** Has a fee; paid online (null: the platform records no payment channel yet). */
  hasFee: boolean;
  paidOnline: boolean | null;
  /** The applicant's rating (1–5), if any. */
  rating: number | null;
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** The public page lists late dossiers page by page (a large unit's year has tens of thousands). */
export const LATE_PAGE = { default: 50, max: 200 } as const;

/** The period's instants: [start of `from`, start of the day after `to`) at +07:00. */
export function periodBounds(p: Period): { start: Date; end: Date } {
  return { start: parseLocalVn(p.from), end: parseLocalVn(addDays(p.to, 1)) };
}

export type DossierClass =
  | { kind: 'settled'; timeliness: 'early' | 'on_time' | 'late' }
  | { kind: 'in_progress'; state: 'on_time' | 'overdue' | 'waiting' }
  | { kind: 'closed' }
  | { kind: 'none' };

const isClosed = (s: Status) => (CLOSED_WITHOUT_RESULT as readonly Status[]).includes(s);
const isWaiting = (s: Status) => (WAITING_STATUSES as readonly Status[]).includes(s);
const within = (t: Date | null, start: Date, end: Date): boolean => t !== null && t >= start && t < end;

/**
 * Where a dossier stands for the handling unit in the period. A dossier settled with no due date
 * (a procedure without a time limit) is on time.
 */
export function classify(d: DossierFact, p: Period, cal: WorkingCalendar, now: Date): DossierClass {
  const { start, end } = periodBounds(p);
  const asOf = now < end ? now : end;
  if (d.finishedAt && within(d.finishedAt, start, asOf)) {
    if (isClosed(d.status)) return { kind: 'closed' };
    const t = d.dueAt ? cal.timeliness(d.dueAt, d.finishedAt, d.finishedAt) : 'on_time';
    return { kind: 'settled', timeliness: t ?? 'on_time' };
  }
  // Not received by then, or finished before the period began.
  if (!d.receivedAt || d.receivedAt >= asOf || (d.finishedAt && d.finishedAt < asOf)) return { kind: 'none' };
  // Still open at the end of the period (or now). A dossier closed later without a result was open then.
  // The stopped clock is read from its present state when the period reaches now (history does not keep pauses).
  if (asOf === now && isWaiting(d.status)) return { kind: 'in_progress', state: 'waiting' };
  if (d.dueAt && d.dueAt < asOf) return { kind: 'in_progress', state: 'overdue' };
  return { kind: 'in_progress', state: 'on_time' };
}

export interface Ratio {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator, null when nothing arose (denominator 0). */
  rate: number | null;
}
const ratio = (numerator: number, denominator: number): Ratio => ({ numerator, denominator, rate: denominator === 0 ? null : numerator / denominator });

export interface Tally {
  received: { total: number; byChannel: Record<string, number>; online: number };
  settled: { total: number; early: number; onTime: number; late: number; extended: number };
  inProgress: { total: number; onTime: number; overdue: number; waiting: number };
  closedWithoutResult: number;
  supplement: { dossiers: number; rounds: number; late: number };
  endToEnd: { eligible: number; online: number };
  digitised: { received: number; digitised: number };
  results: { electronic: number; digitisedWithE: number; personalStore: number };
  synced: { known: number; synced: number };
  payment: { withFee: number; known: number; online: number };
  ratings: { count: number; sum: number; satisfied: number; disliked: number };
}

export function emptyTally(): Tally {
  return {
    received: { total: 0, byChannel: {}, online: 0 },
    settled: { total: 0, early: 0, onTime: 0, late: 0, extended: 0 },
    inProgress: { total: 0, onTime: 0, overdue: 0, waiting: 0 },
    closedWithoutResult: 0,
    supplement: { dossiers: 0, rounds: 0, late: 0 },
    endToEnd: { eligible: 0, online: 0 },
    digitised: { received: 0, digitised: 0 },
    results: { electronic: 0, digitisedWithE: 0, personalStore: 0 },
    synced: { known: 0, synced: 0 },
    payment: { withFee: 0, known: 0, online: 0 },
    ratings: { count: 0, sum: 0, satisfied: 0, disliked: 0 },
  };
}

export interface TallyContext {
  /** The unit whose indicators these are; null counts every unit's dossiers as its own. */
  unitId: string | null;
  period: Period;
  cal: WorkingCalendar;
  now: Date;
}

/** Adds one dossier to a tally (mutates it): receipt by the receiving unit, handling by the handling unit. */
export function addToTally(t: Tally, d: DossierFact, ctx: TallyContext): DossierClass {
  const { start, end } = periodBounds(ctx.period);
  const asOf = ctx.now < end ? ctx.now : end;
  if ((ctx.unitId === null || d.receivingUnitId === ctx.unitId) && within(d.receivedAt, start, asOf)) {
    t.received.total++;
    t.received.byChannel[d.channel] = (t.received.byChannel[d.channel] ?? 0) + 1;
    if (d.channel === 'online') t.received.online++;
    t.digitised.received++;
    if (d.digitised) t.digitised.digitised++;
    if (d.endToEndEligible) {
      t.endToEnd.eligible++;
      if (d.channel === 'online') t.endToEnd.online++;
    }
    if (d.synced !== null) {
      t.synced.known++;
      if (d.synced) t.synced.synced++;
    }
    if (d.hasFee) {
      t.payment.withFee++;
      if (d.paidOnline !== null) {
        t.payment.known++;
        if (d.paidOnline) t.payment.online++;
      }
    }
    if (d.supplementRounds > 0) t.supplement.dossiers++;
    t.supplement.rounds += d.supplementRounds;
    t.supplement.late += d.supplementLate;
  }
  if (ctx.unitId !== null && d.handlingUnitId !== ctx.unitId) return { kind: 'none' };
  const c = classify(d, ctx.period, ctx.cal, ctx.now);
  if (c.kind === 'settled') {
    t.settled.total++;
    if (c.timeliness === 'early') t.settled.early++;
    else if (c.timeliness === 'on_time') t.settled.onTime++;
    else t.settled.late++;
    if (d.extension) t.settled.extended++;
    if (d.electronicResult) t.results.electronic++;
    if (d.electronicResult && d.digitised) t.results.digitisedWithE++;
    if (d.inPersonalStore) t.results.personalStore++;
    if (d.rating !== null) {
      t.ratings.count++;
      t.ratings.sum += d.rating;
      if (d.rating >= 4) t.ratings.satisfied++;
      if (d.rating <= 2) t.ratings.disliked++;
    }
  } else if (c.kind === 'in_progress') {
    t.inProgress.total++;
    if (c.state === 'on_time') t.inProgress.onTime++;
    else if (c.state === 'overdue') t.inProgress.overdue++;
    else t.inProgress.waiting++;
  } else if (c.kind === 'closed') {
    t.closedWithoutResult++;
  }
  return c;
}

export function tally(facts: readonly DossierFact[], ctx: TallyContext): Tally {
  const t = emptyTally();
  for (const d of facts) addToTally(t, d, ctx);
  return t;
}

/** What the catalogue says, for the share of procedures offered online. */
export interface CatalogueFacts {
  procedures: number;
  online: number;
}

/** The feedback reports' counts of the period (src/domain/feedback.ts `feedbackIndicators`). */
export type FeedbackCounts = Pick<FeedbackIndicators, 'total' | 'handledOnTime' | 'unsatisfied'>;

/**
 * Every computed ingredient as a ratio; null when the platform cannot know it (an official enters
 * it). Feedback: null when not given; with no report in the period, a ratio of 0 ÷ 0 (nothing
 * arose), which an official's entered figure replaces (indicators-score.ts).
 */
export function ingredientsOf(t: Tally, catalogue: CatalogueFacts, feedback: FeedbackCounts | null = null): Record<ComputedIngredient, Ratio | null> {
  const handled = t.settled.total + t.inProgress.total;
  const good = t.settled.early + t.settled.onTime + t.inProgress.onTime + t.inProgress.waiting;
  const bad = t.settled.late + t.inProgress.overdue;
  const satisfaction: Ratio =
    handled === 0
      ? ratio(0, 0)
      : // 100% − (overdue rate + rate of dossiers the applicant disliked), never below zero.
        { numerator: Math.max(0, handled - bad - t.ratings.disliked), denominator: handled, rate: Math.max(0, 1 - (bad + t.ratings.disliked) / handled) };
  return {
    synced_national_portal: t.synced.known === 0 && t.received.total > 0 ? null : ratio(t.synced.synced, t.synced.known),
    progress_on_time: ratio(good, handled),
    end_to_end_online: ratio(t.endToEnd.online, t.endToEnd.eligible),
    procedures_online: ratio(catalogue.online, catalogue.procedures),
    online_submission: ratio(t.received.online, t.received.total),
    dossiers_paid_online: t.payment.known === 0 && t.payment.withFee > 0 ? null : ratio(t.payment.online, t.payment.known),
    electronic_results: ratio(t.results.electronic, t.settled.total),
    digitised_with_e_result: ratio(t.results.digitisedWithE, t.settled.total),
    personal_store: ratio(t.results.personalStore, t.settled.total),
    dossier_satisfaction: satisfaction,
    feedback_on_time: feedback && ratio(feedback.handledOnTime, feedback.total),
    feedback_satisfaction: feedback && ratio(feedback.total - feedback.unsatisfied, feedback.total),
  };
}

/** Headline figures a person reads first (public page, leaders' view). */
export function headline(t: Tally) {
  const settled = t.settled.total;
  return {
    received: t.received.total,
    settled,
    inProgress: t.inProgress.total,
    overdue: t.inProgress.overdue,
    onTimeShare: settled === 0 ? null : round2(((t.settled.early + t.settled.onTime) / settled) * 100),
    onlineShare: t.received.total === 0 ? null : round2((t.received.online / t.received.total) * 100),
    averageRating: t.ratings.count === 0 ? null : round2(t.ratings.sum / t.ratings.count),
    satisfiedShare: t.ratings.count === 0 ? null : round2((t.ratings.satisfied / t.ratings.count) * 100),
  };
}
