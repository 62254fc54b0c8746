import type { FastifyInstance } from 'fastify';
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Database, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import { vnDateOf, type WorkingCalendar } from '../../domain/calendar/index.ts';
import { digestDue, digestScopeOf, formatVnd, formatWhen, type Locale, type Vars } from '../../domain/notifications.ts';
import type { StaffRole } from '../../domain/policy.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { queueConditions, SOON_WORKING_HOURS } from '../dossiers/dossiers.queries.ts';
import { applicantPath } from './notifications.dossier.ts';
import { notify, notifySettings, type NotifySettings } from './notifications.service.ts';
import { clock } from '../../server/clock.ts';
import type { AppDeps } from '../../server/deps.ts';

export interface WaitRow {
  id: string;
  dossier_id: string;
  kind: 'supplement' | 'payment';
  deadline_at: string;
  code: string;
  applicant_id: string;
  applicant: { fullName: string };
  procedure: string;
  status: string;
  /** A bigint: a number on the embedded database, text on PostgreSQL. */
  amount: number | string | null;
}

const link = (s: NotifySettings, path: string) => `${s.publicUrl}${path}`;

/**
 * Reminds applicants of what their dossiers still wait for, a few working days before the
 * deadline (notification_waits.remind_at). Each wait is claimed with FOR UPDATE SKIP LOCKED and
 * reminded once (its notice has a dedupe key), however many instances run. Returns how many.
 */
export async function sendReminders(database: Database, s: NotifySettings, now: Date): Promise<number> {
  let sent = 0;
  for (let round = 0; round < 20; round++) {
    const n = await database.transaction(async (tx) => {
      const due = await rows<WaitRow>(
        tx,
        sql`select w.id, w.dossier_id, w.kind, w.deadline_at, d.code, d.applicant_id, d.applicant, d.status,
                   v.definition->>'name' as procedure,
                   (select (e.data->>'amountVnd')::bigint from dossier_events e where e.dossier_id = d.id and e.action = 'request_payment' order by e.seq desc limit 1) as amount
            from notification_waits w
            join dossiers d on d.id = w.dossier_id
            join procedure_versions v on v.procedure_code = d.procedure_code and v.version = d.procedure_version
            where w.reminded_at is null and w.closed_at is null and w.remind_at <= ${now.toISOString()} and w.deadline_at > ${now.toISOString()}
            order by w.remind_at limit 20
            for update of w skip locked`,
      );
      for (const w of due) {
        const stillWaiting = w.status === (w.kind === 'supplement' ? 'supplement_requested' : 'awaiting_payment');
        if (stillWaiting) {
          const deadline = toDate(w.deadline_at);
          const vars = (l: Locale): Vars => ({
            name: w.applicant.fullName,
            code: w.code,
            procedure: w.procedure,
            deadline: formatWhen(deadline, l),
            amount: w.amount !== null ? formatVnd(Number(w.amount), l) : undefined,
            link: link(s, applicantPath(w.code)),
          });
          await notify(
            tx,
            {
              userId: w.applicant_id,
              event: w.kind === 'supplement' ? 'dossier.supplement_reminder' : 'dossier.payment_reminder',
              vars: { vi: vars('vi'), en: vars('en') },
              path: applicantPath(w.code),
              dossierId: w.dossier_id,
              dedupeKey: `reminder:${w.id}`,
            },
            s,
            now,
          );
        }
        await tx.execute(sql`update notification_waits set reminded_at = ${now.toISOString()}, closed_at = ${stillWaiting ? null : now.toISOString()} where id = ${w.id}`);
      }
      return due.length;
    });
    sent += n;
    if (n < 20) break;
  }
  return sent;
}

export interface OfficialRow {
  id: string;
  full_name: string;
  login: string;
  roles: StaffRole[];
  unit_id: string;
  department_id: string | null;
}

export interface DueRow {
  code: string;
  procedure: string;
  due_at: string;
  overdue: boolean;
}

/**
 * Once a working day, from `hour` (Vietnam time), each official with overdue or due-soon
 * dossiers in their scope gets one digest: the notice's dedupe key is `digest:<official>:<date>`,
 * so several instances, or several passes of one, send it once. Returns how many were written.
 */
export async function sendDigests(database: Database, s: NotifySettings, now: Date, hour: number): Promise<number> {
  const cal = await loadWorkingCalendar(database.db);
  const today = vnDateOf(now);
  if (!digestDue(now, { isWorkingDay: cal.isWorkingDay(today), hour })) return 0;
  const officials = await rows<OfficialRow>(
    database.db,
    sql`select u.id, u.full_name, u.login, u.roles, u.unit_id, u.department_id from users u
        where u.kind = 'staff' and not u.disabled
          and not exists (select 1 from notifications n where n.dedupe_key = ${'digest:'} || u.id::text || ${':' + today})
        order by u.id`,
  );
  let written = 0;
  for (const o of officials) {
    const list = await dueInScope(database.db, o, cal, now);
    if (list.length === 0) continue;
    const overdue = list.filter((d) => d.overdue).length;
    const vars = (l: Locale): Vars => ({
      name: o.full_name,
      date: formatWhen(now, l, false),
      overdue: String(overdue),
      dueSoon: String(list.length - overdue),
      list: list
        .slice(0, 30)
        .map((d) => `- ${d.code} ${d.procedure}: ${d.overdue ? (l === 'vi' ? 'quá hạn từ' : 'overdue since') : l === 'vi' ? 'hạn' : 'due'} ${formatWhen(toDate(d.due_at), l)}`)
        .concat(list.length > 30 ? [l === 'vi' ? `… và ${list.length - 30} hồ sơ khác` : `… and ${list.length - 30} more`] : [])
        .join('\n'),
      link: link(s, '/can-bo'),
    });
    const r = await database.transaction((tx) =>
      notify(tx, { userId: o.id, event: 'staff.digest', vars: { vi: vars('vi'), en: vars('en') }, path: '/can-bo', dedupeKey: `digest:${o.id}:${today}`, data: { overdue, total: list.length } }, s, now),
    );
    if (r.inserted) written++;
  }
  return written;
}

/** The official's overdue and due-soon dossiers, with the work queues' own definitions of both. */
async function dueInScope(ex: Executor, o: OfficialRow, cal: WorkingCalendar, now: Date): Promise<DueRow[]> {
  const scope = digestScopeOf({ id: o.id, roles: o.roles, departmentId: o.department_id });
  if (!scope) return [];
  const user = { id: o.id, kind: 'staff' as const, roles: o.roles, unitId: o.unit_id, departmentId: o.department_id, fullName: o.full_name, login: o.login };
  const conds = queueConditions(user, now, cal.addWorkingHours(now, SOON_WORKING_HOURS));
  const within: SQL =
    scope.kind === 'assignee'
      ? sql`d.assignee_id = ${o.id}`
      : scope.kind === 'department'
        ? sql`d.department_id = ${scope.departmentId}`
        : scope.kind === 'reception'
          ? sql`d.status in ('submitted', 'received', 'result_ready')`
          : sql`true`;
  return rows<DueRow>(
    ex,
    sql`select d.code, v.definition->>'name' as procedure, d.due_at, (${conds.overdue!}) as overdue
        from dossiers d join procedure_versions v on v.procedure_code = d.procedure_code and v.version = d.procedure_version
        where (d.handling_unit_id = ${o.unit_id} or d.receiving_unit_id = ${o.unit_id}) and ${within}
          and ((${conds.overdue!}) or (${conds.due_soon!}))
        order by d.due_at limit 200`,
  );
}

/** Runs reminders and digests every `everyMs` on this instance (each is safe with several instances). */
export function startNotificationScheduler(o: {
  database: Database;
  settings: NotifySettings;
  now: () => Date;
  everyMs: number;
  digestHour: number;
  log: { error(obj: object, msg?: string): void };
  onWritten?: () => void;
}): { stop(): Promise<void>; runOnce(): Promise<{ reminders: number; digests: number }> } {
  let running: Promise<unknown> | null = null;
  const runOnce = async () => {
    const reminders = await sendReminders(o.database, o.settings, o.now());
    const digests = await sendDigests(o.database, o.settings, o.now(), o.digestHour);
    if (reminders + digests > 0) o.onWritten?.();
    return { reminders, digests };
  };
  const tick = () => {
    if (running) return;
    running = runOnce()
      .catch((err: unknown) => o.log.error({ err: String(err) }, 'notification scheduler pass failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, o.everyMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
    runOnce,
  };
}

/** Starts the scheduler with the app (NOTIFY_SCHEDULER_SECONDS; 0 turns it off), stops it on close. */
export function registerNotificationScheduler(app: FastifyInstance, deps: AppDeps): void {
  const { schedulerEveryMs, digestHour } = deps.config.notifications;
  if (schedulerEveryMs <= 0) return;
  let scheduler: { stop(): Promise<void> } | null = null;
  app.addHook('onReady', async () => {
    scheduler = startNotificationScheduler({
      database: deps.database,
      settings: notifySettings(deps.config),
      now: clock(deps),
      everyMs: schedulerEveryMs,
      digestHour,
      log: app.log,
      onWritten: () => deps.outbox?.kick(),
    });
  });
  app.addHook('onClose', async () => {
    await scheduler?.stop();
  });
}
