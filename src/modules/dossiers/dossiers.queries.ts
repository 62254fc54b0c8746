import { sql, type SQL } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import { WAITING_STATUSES } from '../../domain/dossier-clock.ts';
import { ACTION_LABELS, STATUSES, type Action, type Status } from '../../domain/dossier-state.ts';
import { searchKey } from '../../domain/text.ts';
import { listScope } from '../../domain/policy.ts';
import type { SessionUser } from '../../server/auth.ts';
import type { DossierRow } from './dossiers.repo.ts';
import { summarize, vnAt } from './dossiers.present.ts';
import type { QueueQueryInput } from '../../contract/dossiers.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

const CLOSED = sql`('refused', 'withdrawn', 'stopped', 'returned')`;
// While the dossier waits for its applicant the clock is stopped: never due soon, never overdue.
const WAITING = sql`(${sql.join(WAITING_STATUSES.map((s) => sql`${s}`), sql`, `)})`;
export const SOON_WORKING_HOURS = 16; // "due soon" = within the next two working days

type Row = DossierRow & Computed<{ procedure_name: string; assignee_name: string | null; applicant_answered: boolean | null; origin_kind: string | null }>;
// The procedure's name as of the version the dossier was filed under; whether the applicant's
// answer to a supplement request is the last thing that happened (the back office flags it).
const SELECT = sql`select d.*, v.definition->>'name' as procedure_name, a.full_name as assignee_name,
    (select e.action = 'answer_supplement' from dossier_events e where e.dossier_id = d.id order by e.seq desc limit 1) as applicant_answered,
    (select s.kind from interop_systems s where s.id = d.origin_system_id) as origin_kind
  from dossiers d join procedure_versions v on v.procedure_code = d.procedure_code and v.version = d.procedure_version
  left join users a on a.id = d.assignee_id`;

/** Each work queue as a condition on `d` (dossiers); the daily digest uses `overdue` and `due_soon` too. */
export function queueConditions(user: SessionUser, now: Date, soon: Date): Record<string, SQL> {
  const open = sql`d.status not in ${CLOSED}`;
  const running = sql`d.finished_at is null and ${open} and d.status not in ${WAITING}`;
  return {
    to_receive: sql`d.status = 'submitted'`,
    to_send_supplement: sql`d.status = 'supplement_proposed'`,
    to_assign: sql`d.status = 'received'`,
    mine: sql`d.assignee_id = ${user.id} and ${open} and d.status not in ('result_ready')`,
    department: sql`d.department_id = ${user.departmentId ?? null} and ${open}`,
    to_approve: sql`d.status = 'awaiting_approval'`,
    // Against the due date the law set: an extension's new date does not make a late dossier on time.
    due_soon: sql`${running} and d.due_at >= ${now.toISOString()} and d.due_at <= ${soon.toISOString()}`,
    overdue: sql`${running} and d.due_at < ${now.toISOString()}`,
    all: sql`true`,
  };
}

/** An official's work queues (with counts) or a citizen's own dossiers, with search and filters. */
export async function listDossiers(ex: Executor, user: SessionUser, q: QueueQueryInput, cal: WorkingCalendar, now: Date) {
  const where: SQL[] = [];
  let counts: Record<string, number> | null = null;
  const scope = listScope(user);
  if ('unitId' in scope) {
    where.push(sql`(d.handling_unit_id = ${scope.unitId} or d.receiving_unit_id = ${scope.unitId})`);
    const conds = queueConditions(user, now, cal.addWorkingHours(now, SOON_WORKING_HOURS));
    where.push(conds[q.queue]!);
    const names = Object.keys(conds).filter((k) => k !== 'all');
    const countRow = await maybeOne<Computed<Record<string, number>>>(
      ex,
      sql`select ${sql.join(
        names.map((n) => sql`count(*) filter (where ${conds[n]!})::int as ${sql.identifier(n)}`),
        sql`, `,
      )} from dossiers d where d.handling_unit_id = ${scope.unitId} or d.receiving_unit_id = ${scope.unitId}`,
    );
    counts = countRow ?? {};
  } else {
    where.push(sql`(d.applicant_id = ${scope.applicantId} or d.submitted_by = ${scope.applicantId})`);
  }
  if (q.status && (STATUSES as readonly string[]).includes(q.status)) where.push(sql`d.status = ${q.status}`);
  if (q.procedure) where.push(sql`d.procedure_code = ${q.procedure}`);
  for (const w of searchKey(q.q ?? '').split(' ').filter(Boolean)) {
    const like = `%${w.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    where.push(sql`(lower(d.code) like ${like} or d.applicant_search like ${like} or d.procedure_search like ${like})`);
  }
  const cond = sql.join(where, sql` and `);
  const [items, total] = await Promise.all([
    rows<Row>(
      ex,
      sql`${SELECT} where ${cond}
          order by ${'unitId' in scope ? sql`d.due_at asc nulls last,` : sql``} d.submitted_at desc
          limit ${q.limit} offset ${q.offset}`,
    ),
    maybeOne<Computed<{ n: number }>>(ex, sql`select count(*)::int as n from dossiers d where ${cond}`),
  ]);
  return { items: items.map((d) => summarize(d, cal, now)), total: total?.n ?? 0, ...(counts ? { counts } : {}) };
}

export async function listEvents(ex: Executor, dossierId: string) {
  const list = await rows<RowOf<'dossier_events', { seq: number; action: string; from_status: Status | null; to_status: Status; actor_id: string; actor_role: string; at: string; comment: string | null; data: Record<string, unknown>; attachments: string[] }> & Computed<{ actor_name: string }>>(
    ex,
    sql`select e.seq, e.action, e.from_status, e.to_status, e.actor_id, u.full_name as actor_name, e.actor_role, e.at, e.comment, e.data, e.attachments
        from dossier_events e join users u on u.id = e.actor_id where e.dossier_id = ${dossierId} order by e.seq`,
  );
  return list.map((e) => ({
    seq: e.seq,
    action: e.action,
    label: e.action === 'submit' ? 'Nộp hồ sơ' : (ACTION_LABELS[e.action as Action]?.vi ?? e.action),
    labelEn: e.action === 'submit' ? 'Submitted' : (ACTION_LABELS[e.action as Action]?.en ?? e.action),
    fromStatus: e.from_status,
    toStatus: e.to_status,
    actor: { id: e.actor_id, fullName: e.actor_name, role: e.actor_role },
    at: vnAt(e.at),
    comment: e.comment,
    data: e.data,
    attachments: e.attachments,
  }));
}

/** The audit trail of a dossier, for officials: every action and every read of it. */
export async function listAudit(ex: Executor, code: string) {
  const list = await rows<RowOf<'audit_log', { at: string; action: string; details: unknown; request_id: string | null }> & Computed<{ actor_name: string | null }>>(
    ex,
    sql`select l.at, u.full_name as actor_name, l.action, l.details, l.request_id from audit_log l left join users u on u.id = l.actor_id
        where l.entity_type = 'dossier' and l.entity_id = ${code} order by l.id`,
  );
  return list.map((l) => ({ at: vnAt(l.at), actor: l.actor_name, action: l.action, details: l.details, requestId: l.request_id }));
}
