import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { rows, type Database } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import { vnDateOf } from '../../domain/calendar/index.ts';
import { FEEDBACK_CATEGORIES, feedbackRulesOn, followUpMessageDue, type FeedbackCategory, type FeedbackStatus } from '../../domain/feedback.ts';
import type { AppDeps } from '../../server/deps.ts';
import { serverKeys, type ServerKeys } from '../../server/secrets.ts';
import { notify, notifyContact, notifySettings, registerScheduledPass, type NotifySettings } from '../notifications/index.ts';
import { followPath, reporterLink } from './feedback.service.ts';

export interface DueRow {
  id: string;
  code: string;
  category: FeedbackCategory;
  status: FeedbackStatus;
  channel: 'portal' | 'open311';
  reporter_id: string | null;
  reporter_name: string;
  reporter_phone: string | null;
  reporter_email: string | null;
  follow_token_hash: string | null;
  answered_at: string;
  fixed: boolean | null;
  follow_up_sent_at: string | null;
}

/**
 * Asks each reporter "is it fixed?" FEEDBACK_RULES.followUpDays after the answer, once per answer:
 * reports are claimed with FOR UPDATE SKIP LOCKED and marked `follow_up_sent_at` in the
 * transaction that writes the message (with a dedupe key), so several instances, or several
 * passes of one, ask nobody twice. A reporter with an account gets it in the inbox and their
 * channels; one without, by the contact their code proved, with the link carrying the follow
 * token; an Open311 client's report is followed through the API, so nobody is messaged. Returns
 * how many reporters were asked.
 */
export async function sendFeedbackFollowUps(database: Database, s: NotifySettings, keys: ServerKeys, now: Date): Promise<number> {
  const rules = feedbackRulesOn(vnDateOf(now));
  const answeredBy = new Date(now.getTime() - rules.followUpDays * 86_400_000).toISOString();
  let asked = 0;
  for (let round = 0; round < 20; round++) {
    const n = await database.transaction(async (tx) => {
      const due = await rows<DueRow>(
        tx,
        sql`select id, code, category, status, channel, reporter_id, reporter_name, reporter_phone, reporter_email, follow_token_hash, answered_at, fixed, follow_up_sent_at
              from feedback_reports
             where fixed is null and status in ('answered', 'closed') and answered_at <= ${answeredBy}
               and (follow_up_sent_at is null or follow_up_sent_at < answered_at)
             order by answered_at, id limit 20
             for update skip locked`,
      );
      let sent = 0;
      for (const r of due) {
        const facts = { status: r.status, answeredAt: toDate(r.answered_at), fixed: r.fixed, followUpSentAt: toDate(r.follow_up_sent_at) };
        if (followUpMessageDue(facts, now, rules) && r.channel === 'portal') {
          const link = reporterLink(keys, s.publicUrl, r);
          const vars = (l: 'vi' | 'en') => ({ name: r.reporter_name, code: r.code, category: FEEDBACK_CATEGORIES[r.category][l], link });
          const dedupeKey = `feedback-follow-up:${r.id}:${r.answered_at}`;
          if (r.reporter_id) {
            await notify(tx, { userId: r.reporter_id, event: 'feedback.follow_up', vars: { vi: vars('vi'), en: vars('en') }, path: followPath(r.code), dedupeKey }, s, now);
            sent++;
          } else {
            const contact = r.reporter_phone ? { channel: 'sms' as const, recipient: r.reporter_phone } : r.reporter_email ? { channel: 'email' as const, recipient: r.reporter_email } : null;
            if (contact) {
              await notifyContact(tx, { ...contact, event: 'feedback.follow_up', vars: vars('vi'), dedupeKey }, s, now);
              sent++;
            }
          }
        }
        await tx.execute(sql`update feedback_reports set follow_up_sent_at = ${now.toISOString()} where id = ${r.id}`);
      }
      return { claimed: due.length, sent };
    });
    asked += n.sent;
    if (n.claimed < 20) break;
  }
  return asked;
}

/**
 * Runs the pass with the notification scheduler's cadence (NOTIFY_SCHEDULER_SECONDS; 0 turns it
 * off), the first one interval after start.
 */
export function registerFeedbackFollowUps(app: FastifyInstance, deps: AppDeps): void {
  const keys = serverKeys(deps.config.secret);
  registerScheduledPass(app, deps, 'feedback follow-ups', (now) => sendFeedbackFollowUps(deps.database, notifySettings(deps.config), keys, now));
}
