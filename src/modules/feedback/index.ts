// Citizen feedback and petitions (docs/FEEDBACK.md). For the indicators (issue 11): the share of
// reports handled on time and the satisfaction with their handling, for a unit and a period.
import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import { feedbackIndicators, type FeedbackIndicators, type FeedbackStatus, type IndicatorRow } from '../../domain/feedback.ts';
import type { RowOf } from '../../db/rows.ts';

export type { FeedbackIndicators } from '../../domain/feedback.ts';

/**
 * The two feedback indicators of a unit over [from, to): `onTimeShare` (reports answered by their
 * due date ÷ reports answered in the period or fallen overdue in it) and `satisfaction`
 * ((total − disliked, reopened or late) ÷ total), with their counts; rejected (spam) and merged
 * reports are not counted; with nothing to count both are null (the index then uses an official's
 * entered figure, or says none arose). Rules: `feedbackIndicators` in src/domain/feedback.ts.
 */
export async function feedbackIndicatorsOf(ex: Executor, unitId: string, period: { from: Date; to: Date }, now: Date): Promise<FeedbackIndicators> {
  return feedbackIndicators(await feedbackFactsOf(ex, unitId, period), period, now);
}

/**
 * The unit's reports that may count in some period within [from, to) (answered in it, or
 * unanswered and due in it), for `feedbackIndicators` over that span and any period inside it.
 */
export async function feedbackFactsOf(ex: Executor, unitId: string, period: { from: Date; to: Date }): Promise<IndicatorRow[]> {
  const list = await rows<RowOf<'feedback_reports', { status: FeedbackStatus; forward_due_at: string; forwarded_at: string | null; due_at: string; answered_at: string | null; rating: number | null; reopen_count: number }>>(
    ex,
    sql`select status, forward_due_at, forwarded_at, due_at, answered_at, rating, reopen_count from feedback_reports
        where unit_id = ${unitId} and status not in ('rejected', 'merged')
          and ((answered_at >= ${period.from.toISOString()} and answered_at < ${period.to.toISOString()})
            or (answered_at is null and due_at >= ${period.from.toISOString()} and due_at < ${period.to.toISOString()}))`,
  );
  return list.map((r) => ({
      status: r.status,
      forwardDueAt: toDate(r.forward_due_at),
      forwardedAt: toDate(r.forwarded_at),
      dueAt: toDate(r.due_at),
      answeredAt: toDate(r.answered_at),
      rating: r.rating,
    reopenCount: r.reopen_count,
  }));
}
