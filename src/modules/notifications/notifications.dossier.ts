import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import { vnDateOf } from '../../domain/calendar/index.ts';
import type { Status } from '../../domain/dossier-state.ts';
import {
  applicantNoticeOf,
  DEFAULT_DEADLINE_RULES,
  formatVnd,
  formatWhen,
  officialNoticesOf,
  waitOf,
  type DeadlineRules,
  type Locale,
  type NotificationEvent,
  type Vars,
} from '../../domain/notifications.ts';
import type { ProcedureDefinition } from '../../domain/procedure.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { getProcedure } from '../procedures/procedures.service.ts';
import { notify, type NotificationInput, type NotifySettings } from './notifications.service.ts';
import type { RowOf } from '../../db/rows.ts';

/** The appended event, as the dossier service wrote it. */
export interface AppendedEvent {
  action: string;
  fromStatus: Status | null;
  toStatus: Status;
  actorId: string;
  comment: string | null;
  data: Record<string, unknown>;
}

export interface DossierFacts {
  id: string;
  code: string;
  procedure_code: string;
  procedure_version: number;
  channel: 'online' | 'in_person' | 'post';
  applicant_id: string;
  applicant: { fullName: string };
  assignee_id: string | null;
  due_at: string | null;
  supplement_rounds: number;
}

const byLocale = (f: (l: Locale) => Vars): Record<Locale, Vars> => ({ vi: f('vi'), en: f('en') });
const when = (v: unknown, l: Locale) => (typeof v === 'string' && v ? formatWhen(new Date(v), l) : undefined);

export const applicantPath = (code: string) => `/ho-so-cua-toi/${encodeURIComponent(code)}`;
export const trackingPath = (code: string) => `/tra-cuu/${encodeURIComponent(code)}`;
export const staffPath = (code: string) => `/can-bo/ho-so/${encodeURIComponent(code)}`;

/** The ward's periods for answering and paying (settings `applicant_deadlines`, by effective date). */
export async function deadlineRules(ex: Executor, date: string): Promise<DeadlineRules> {
  const row = await maybeOne<RowOf<'settings', { value: Partial<DeadlineRules> }>>(
    ex,
    sql`select value from settings where key = 'applicant_deadlines' and effective_from <= ${date} order by effective_from desc limit 1`,
  );
  return { ...DEFAULT_DEADLINE_RULES, ...row?.value };
}

const METHOD: Record<string, Record<Locale, string>> = {
  collected: { vi: 'nhận tại Bộ phận Một cửa', en: "collected at the one-stop office" },
  electronic: { vi: 'bản điện tử trong mục Hồ sơ của tôi', en: 'electronically, under My dossiers' },
  post: { vi: 'gửi qua bưu chính', en: 'sent by post' },
};

const COLLECT: Record<Locale, (electronic: boolean) => string> = {
  vi: (e) =>
    'Nhận tại Bộ phận Một cửa phường trong giờ hành chính, mang theo giấy biên nhận và căn cước' +
    (e ? '; hoặc tải bản điện tử trong mục Hồ sơ của tôi.' : '.'),
  en: (e) => "At the ward's one-stop office in office hours, with your receipt and ID card" + (e ? '; or download the electronic copy under My dossiers.' : '.'),
};

/** Each supplement item as the applicant reads it: the document or field by its name, and why. */
function itemLines(def: ProcedureDefinition, items: unknown, l: Locale): string {
  const list = Array.isArray(items) ? (items as { target?: { type?: string; key?: string }; reason?: string }[]) : [];
  return list
    .map((i) => {
      const key = i.target?.key ?? '';
      const doc = def.documents.find((d) => d.id === key);
      const field = def.formFields.find((f) => f.key === key);
      const name = doc?.name ?? (field ? (l === 'vi' ? field.label : field.labelEn) : key);
      return `- ${name}: ${i.reason ?? ''}`;
    })
    .join('\n');
}

/**
 * Notifies whoever a dossier event concerns: its applicant of every status change that concerns
 * them, the new assignee, the department consulted, the assignee an applicant answered. Call it
 * in the dossier's transaction, after the event is appended (the dossier row already updated):
 * the notices and their outbox messages commit with the event, or not at all.
 */
export async function notifyDossierEvent(
  tx: Executor,
  dossierId: string,
  e: AppendedEvent,
  s: NotifySettings,
  now: Date,
  row?: DossierFacts,
): Promise<void> {
  // The caller that holds the dossier's row as this transaction left it passes it (no second read).
  const d =
    row ??
    (await maybeOne<DossierFacts>(
      tx,
      sql`select id, code, procedure_code, procedure_version, channel, applicant_id, applicant, assignee_id, due_at, supplement_rounds
          from dossiers where id = ${dossierId}`,
    ));
  if (!d) return;
  // A wait for the applicant ends with any event that moves the dossier on.
  if (e.fromStatus !== e.toStatus && (e.fromStatus === 'supplement_requested' || e.fromStatus === 'awaiting_payment')) {
    await tx.execute(sql`update notification_waits set closed_at = ${now.toISOString()} where dossier_id = ${d.id} and closed_at is null`);
  }
  const applicantEvent = applicantNoticeOf({ action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, channel: d.channel });
  const officials = officialNoticesOf({ action: e.action, data: e.data, assigneeId: d.assignee_id, actorId: e.actorId });
  if (!applicantEvent && officials.length === 0) return;
  const def = (await getProcedure(tx, d.procedure_code, d.procedure_version)).definition;
  const base: Vars = { code: d.code, procedure: def.name, name: d.applicant.fullName };

  if (applicantEvent) {
    const deadline = await openWait(tx, d, applicantEvent, now);
    await notify(tx, applicantNotice(applicantEvent, d, def, e, s, deadline), s, now);
  }

  for (const o of officials) {
    const people =
      'userId' in o.to
        ? await rows<RowOf<'users', { id: string; full_name: string }>>(tx, sql`select id, full_name from users where id = ${o.to.userId} and not disabled`)
        : await rows<RowOf<'users', { id: string; full_name: string }>>(
            tx,
            sql`select id, full_name from users where department_id = ${o.to.departmentId} and kind = 'staff' and not disabled
                and ('specialist' = any(roles) or 'leader' = any(roles)) and id <> ${e.actorId}`,
          );
    const department = typeof e.data.departmentName === 'string' ? e.data.departmentName : '';
    for (const p of people) {
      const vars = byLocale((l) => ({
        ...base,
        name: p.full_name,
        due: d.due_at ? formatWhen(toDate(d.due_at), l) : l === 'vi' ? 'chưa tính (chưa tiếp nhận hoặc chờ người nộp)' : 'not set yet',
        department,
        question: e.comment ?? '',
      }));
      await notify(tx, { userId: p.id, event: o.event, vars: withLinks(vars, s, staffPath(d.code)), path: staffPath(d.code), dossierId: d.id }, s, now);
    }
  }
}

/** The notice of `event` to the dossier's applicant: its facts in both languages, its link and its path. */
function applicantNotice(event: NotificationEvent, d: DossierFacts, def: ProcedureDefinition, e: AppendedEvent, s: NotifySettings, deadline: Date | null): NotificationInput {
  const base: Vars = { code: d.code, procedure: def.name, name: d.applicant.fullName };
  const vars = byLocale((l) => ({ ...base, ...applicantFacts(event, d, def, e, l), ...(deadline ? { deadline: formatWhen(deadline, l) } : {}) }));
  const path = event === 'dossier.submitted' || event === 'dossier.received' ? trackingPath(d.code) : applicantPath(d.code);
  return { userId: d.applicant_id, event, vars: withLinks(vars, s, path), path: applicantPath(d.code), dossierId: d.id };
}

/**
 * A submission's notice to its applicant (online submissions only: `dossier.submitted`; it opens
 * no wait and concerns no official), for the dossier's own statement to write (noticeWrites):
 * the dossier's code is not known yet, `d.code` stands for it.
 */
export function submittedNotice(d: DossierFacts, def: ProcedureDefinition, e: AppendedEvent, s: NotifySettings): NotificationInput | null {
  const event = applicantNoticeOf({ action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, channel: d.channel });
  if (e.action !== 'submit' || !event) return null;
  return applicantNotice(event, d, def, e, s, null);
}

const withLinks = (vars: Record<Locale, Vars>, s: NotifySettings, path: string): Record<Locale, Vars> => ({
  vi: { ...vars.vi, link: `${s.publicUrl}${path}` },
  en: { ...vars.en, link: `${s.publicUrl}${path}` },
});

/** The facts of a notice to the applicant, beyond code, procedure and name. */
function applicantFacts(event: NotificationEvent, d: DossierFacts, def: ProcedureDefinition, e: AppendedEvent, l: Locale): Vars {
  switch (event) {
    case 'dossier.received':
      return {
        appointment: d.due_at ? formatWhen(toDate(d.due_at), l) : l === 'vi' ? 'Bộ phận Một cửa sẽ báo bạn sau' : 'the one-stop office will tell you',
      };
    case 'dossier.supplement_requested':
      return { items: itemLines(def, e.data.items, l) };
    case 'dossier.payment_requested':
      return { amount: typeof e.data.amountVnd === 'number' ? formatVnd(e.data.amountVnd, l) : '', reason: e.comment ?? '' };
    case 'dossier.extended':
      return { reason: e.comment ?? '', previousDate: when(e.data.previousDueAt, l), newDate: when(e.data.newDueAt, l) };
    case 'dossier.refused':
    case 'dossier.stopped':
      return { reason: e.comment ?? '' };
    case 'dossier.result_ready':
      return { collect: COLLECT[l](d.channel === 'online') };
    case 'dossier.returned':
      return { method: METHOD[String(e.data.method)]?.[l] ?? '' };
    default:
      return {};
  }
}

/** Records what the dossier now waits for from its applicant, with its deadline; returns the deadline. */
async function openWait(tx: Executor, d: DossierFacts, event: NotificationEvent, now: Date): Promise<Date | null> {
  const kind = waitOf(event);
  if (!kind) return null;
  const rules = await deadlineRules(tx, vnDateOf(now));
  const cal = await loadWorkingCalendar(tx);
  const days = kind === 'supplement' ? rules.supplementWorkingDays : rules.paymentWorkingDays;
  const deadline = cal.computeDue(now, days, 'working_days');
  // The reminder goes out a few working days before, and never before the request itself.
  const remindAfter = Math.max(days - rules.remindWorkingDaysBefore, 0);
  const remindAt = remindAfter > 0 ? cal.computeDue(now, remindAfter, 'working_days') : now;
  await tx.execute(sql`
    insert into notification_waits (id, dossier_id, kind, requested_at, deadline_at, remind_at)
    values (${randomUUID()}, ${d.id}, ${kind}, ${now.toISOString()}, ${deadline.toISOString()}, ${remindAt.toISOString()})`);
  return deadline;
}
