import { sql, type SQL } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import type { FeedbackCategory, FeedbackStatus } from '../../domain/feedback.ts';
import type { FeedbackResource } from '../../domain/policy.ts';
import { AppError } from '../../domain/errors.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

/** A row of feedback_reports with its department's and assignee's names. */
export interface ReportRow {
  id: string;
  unit_id: string;
  code: string;
  category: FeedbackCategory;
  description: string;
  public_description: string;
  lat: number | null;
  lon: number | null;
  address: string;
  area_code: string | null;
  status: FeedbackStatus;
  channel: 'portal' | 'open311';
  reporter_id: string | null;
  reporter_name: string;
  reporter_phone: string | null;
  reporter_email: string | null;
  follow_token_hash: string | null;
  department_id: string | null;
  department_name: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  received_at: string;
  forward_due_at: string;
  forwarded_at: string | null;
  due_at: string;
  answered_at: string | null;
  answer: string | null;
  closed_at: string | null;
  merged_into_code: string | null;
  rating: number | null;
  fixed: boolean | null;
  reopen_count: number;
  updated_at: string;
  version: number;
}

const SELECT = sql`select r.*, d.name as department_name, a.full_name as assignee_name, m.code as merged_into_code
  from feedback_reports r
  left join departments d on d.id = r.department_id
  left join users a on a.id = r.assignee_id
  left join feedback_reports m on m.id = r.merged_into`;

export const scopeOf = (r: Pick<ReportRow, 'unit_id' | 'department_id' | 'assignee_id' | 'reporter_id'>): FeedbackResource => ({
  unitId: r.unit_id,
  departmentId: r.department_id,
  assigneeId: r.assignee_id,
  reporterId: r.reporter_id,
});

/** The clock facts of a row, as Dates. */
export const clockOf = (r: ReportRow) => ({
  status: r.status,
  forwardDueAt: toDate(r.forward_due_at),
  forwardedAt: toDate(r.forwarded_at),
  dueAt: toDate(r.due_at),
  answeredAt: toDate(r.answered_at),
});

export async function loadReport(ex: Executor, code: string, forUpdate = false): Promise<ReportRow | null> {
  if (forUpdate) {
    const locked = await maybeOne<RowOf<'feedback_reports', { id: string }>>(ex, sql`select id from feedback_reports where code = ${code} for update`);
    if (!locked) return null;
  }
  return maybeOne<ReportRow>(ex, sql`${SELECT} where r.code = ${code}`);
}

export async function listReports(ex: Executor, where: SQL, limit: number): Promise<ReportRow[]> {
  return rows<ReportRow>(ex, sql`${SELECT} where ${where} order by r.received_at desc limit ${limit}`);
}

export async function countReports(ex: Executor, where: SQL): Promise<number> {
  const r = await maybeOne<Computed<{ n: number }>>(ex, sql`select count(*)::int as n from feedback_reports r where ${where}`);
  return r?.n ?? 0;
}

/** The next code of the day for a unit (an atomic upsert). */
export async function nextSequence(tx: Executor, unitId: string, day: string): Promise<number> {
  const r = await maybeOne<RowOf<'feedback_counters', { n: number }>>(
    tx,
    sql`insert into feedback_counters (unit_id, day, n) values (${unitId}, ${day}, 1)
        on conflict (unit_id, day) do update set n = feedback_counters.n + 1 returning n`,
  );
  return r!.n;
}

export interface EventInput {
  action: string;
  actorId: string | null;
  note?: string;
  internal?: boolean;
  data?: Record<string, unknown>;
}

export async function appendEvent(tx: Executor, reportId: string, e: EventInput, now: Date): Promise<void> {
  await tx.execute(sql`insert into feedback_events (report_id, at, actor_id, action, internal, note, data)
    values (${reportId}, ${now.toISOString()}, ${e.actorId}, ${e.action}, ${e.internal ?? false}, ${e.note ?? ''}, ${JSON.stringify(e.data ?? {})}::jsonb)`);
}

export interface EventRow {
  at: string;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_kind: 'staff' | 'citizen' | 'business' | null;
  internal: boolean;
  note: string;
  data: Record<string, unknown>;
}

export async function eventsOf(ex: Executor, reportId: string, includeInternal: boolean): Promise<EventRow[]> {
  return rows<EventRow>(
    ex,
    sql`select e.at, e.action, e.actor_id, u.full_name as actor_name, u.kind as actor_kind, e.internal, e.note, e.data
        from feedback_events e left join users u on u.id = e.actor_id
        where e.report_id = ${reportId} ${includeInternal ? sql`` : sql`and not e.internal`} order by e.id`,
  );
}

/** Columns an action may change; `version` is checked and bumped (optimistic concurrency). */
export interface ReportPatch {
  status?: FeedbackStatus;
  category?: FeedbackCategory;
  department_id?: string | null;
  assignee_id?: string | null;
  forwarded_at?: string | null;
  answered_at?: string | null;
  answer?: string | null;
  closed_at?: string | null;
  merged_into?: string | null;
  public_description?: string;
  rating?: number | null;
  rated_at?: string | null;
  fixed?: boolean | null;
  reopen_count?: number;
}

/**
 * Applies a patch if the row is still at `version`.
 * @throws AppError FEEDBACK_VERSION_CONFLICT
 */
export async function applyPatch(tx: Executor, id: string, version: number, patch: ReportPatch, now: Date): Promise<void> {
  const sets = Object.entries(patch).map(([k, v]) => sql`${sql.identifier(k)} = ${v}`);
  const done = await maybeOne<RowOf<'feedback_reports', { id: string }>>(
    tx,
    sql`update feedback_reports set ${sql.join([...sets, sql`updated_at = ${now.toISOString()}`, sql`version = version + 1`], sql`, `)}
        where id = ${id} and version = ${version} returning id`,
  );
  if (!done) throw new AppError('FEEDBACK_VERSION_CONFLICT');
}

export interface PhotoRow {
  upload_id: string;
  hidden: boolean;
}

export async function photosOf(ex: Executor, reportIds: readonly string[]): Promise<(PhotoRow & { report_id: string })[]> {
  if (reportIds.length === 0) return [];
  return rows(
    ex,
    sql`select report_id, upload_id, hidden from feedback_photos where report_id in (${sql.join(
      reportIds.map((id) => sql`${id}`),
      sql`, `,
    )}) order by upload_id`,
  );
}

/** Open reports of a unit with a location, received since `since`: the candidates for "already reported". */
export async function openWithLocation(ex: Executor, unitId: string, since: Date): Promise<ReportRow[]> {
  return rows<ReportRow>(
    ex,
    sql`${SELECT} where r.unit_id = ${unitId} and r.status in ('received', 'forwarded', 'in_progress') and r.lat is not null and r.received_at >= ${since.toISOString()}`,
  );
}
