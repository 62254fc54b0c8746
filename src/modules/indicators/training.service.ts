import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Database, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import type { IsoDate } from '../../domain/calendar/dates.ts';
import { formatVn, vnDateOf } from '../../domain/calendar/vn-time.ts';
import { AppError } from '../../domain/errors.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import { viCollator } from '../../domain/text.ts';
import { shareTrained, type OfficialSpan } from '../../domain/training.ts';
import type { CourseInput } from '../../domain/training-contract.ts';
import { audit } from '../audit/audit.ts';
import type { RequestContext } from './indicators.service.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

/** Before any period: a disabled account whose date is not known counts as gone all along. */
const LONG_AGO: IsoDate = '0001-01-01';

/**
 * The unit's officials with when they came and left, from the audit log (the admin page records
 * both): joined when the account was created there (seeded or imported accounts: from the start);
 * gone from the last time it was disabled, while it still is.
 */
async function officialSpans(ex: Executor, unitId: string): Promise<OfficialSpan[]> {
  const list = await rows<RowOf<'users', { id: string; disabled: boolean }> & Computed<{ joined_at: string | null; left_at: string | null }>>(
    ex,
    sql`select u.id, u.disabled,
          (select min(a.at) from audit_log a where a.entity_type = 'user' and a.entity_id = u.id::text and a.action = 'user_create') as joined_at,
          (select max(a.at) from audit_log a where a.entity_type = 'user' and a.entity_id = u.id::text and a.action = 'user_update' and a.details->>'disabled' = 'true') as left_at
        from users u where u.kind = 'staff' and u.unit_id = ${unitId}`,
  );
  return list.map((u) => ({
    userId: u.id,
    joinedOn: u.joined_at ? vnDateOf(toDate(u.joined_at)) : null,
    leftOn: u.disabled ? (u.left_at ? vnDateOf(toDate(u.left_at)) : LONG_AGO) : null,
  }));
}

/** The share of the unit's officials trained in digital skills in a period (src/domain/training.ts). */
export async function unitShare(ex: Executor, unitId: string, period: { from: IsoDate; to: IsoDate }) {
  const [spans, completions, count] = await Promise.all([
    officialSpans(ex, unitId),
    rows<RowOf<'training_completions', { user_id: string }> & RowOf<'training_courses', { qualifies: boolean }> & Computed<{ completed_on: string }>>(
      ex,
      sql`select c.user_id, c.completed_on::text as completed_on, k.qualifies from training_completions c join training_courses k on k.id = c.course_id
            where k.unit_id = ${unitId} and c.completed_on between ${period.from} and ${period.to}`,
    ),
    maybeOne<Computed<{ n: number }>>(ex, sql`select count(*)::int as n from training_courses where unit_id = ${unitId}`),
  ]);
  const s = shareTrained(
    spans,
    completions.map((c) => ({ userId: c.user_id, completedOn: c.completed_on, qualifies: c.qualifies })),
    period,
  );
  return { period, ...s, courses: count?.n ?? 0 };
}

/** A course as listed: its columns (proved against the schema in src/db/rows.check.ts), `updated_by` the official's name. */
export interface CourseRow {
  id: string;
  version: number;
  name: string;
  provider: string;
  starts_on: string;
  ends_on: string;
  hours: string;
  topic: CourseInput['topic'];
  mode: CourseInput['mode'];
  qualifies: boolean;
  updated_by: string | null;
  updated_at: string;
}

/** The unit's courses, the latest first, each with who completed it (names in Vietnamese order). */
export async function listCourses(ex: Executor, unitId: string) {
  const [courses, completions] = await Promise.all([
    rows<CourseRow>(
      ex,
      sql`select k.id, k.version, k.name, k.provider, k.starts_on::text as starts_on, k.ends_on::text as ends_on, k.hours::text as hours, k.topic, k.mode, k.qualifies,
                 u.full_name as updated_by, k.updated_at
            from training_courses k left join users u on u.id = k.updated_by where k.unit_id = ${unitId} order by k.starts_on desc, k.name`,
    ),
    rows<RowOf<'training_completions', { course_id: string; user_id: string; certificate_no: string | null }> & RowOf<'users', { full_name: string }> & Computed<{ completed_on: string }>>(
      ex,
      sql`select c.course_id, c.user_id, u.full_name, c.completed_on::text as completed_on, c.certificate_no
            from training_completions c join training_courses k on k.id = c.course_id join users u on u.id = c.user_id where k.unit_id = ${unitId}`,
    ),
  ]);
  return courses.map((k) => ({
    id: k.id,
    version: k.version,
    name: k.name,
    provider: k.provider,
    startsOn: k.starts_on,
    endsOn: k.ends_on,
    hours: Number(k.hours),
    topic: k.topic,
    mode: k.mode,
    qualifies: k.qualifies,
    completions: completions
      .filter((c) => c.course_id === k.id)
      .map((c) => ({ userId: c.user_id, fullName: c.full_name, completedOn: c.completed_on, certificateNo: c.certificate_no }))
      .sort((a, b) => viCollator.compare(a.fullName, b.fullName)),
    updatedBy: k.updated_by,
    updatedAt: formatVn(toDate(k.updated_at)),
  }));
}

/**
 * Whoever completed a course must be an official of the unit, and no completion may lie in the future.
 * @throws AppError TRAINING_OFFICIAL_UNKNOWN, VALIDATION_FAILED.
 */
async function checkCompletions(ex: Executor, unitId: string, input: CourseInput, now: Date) {
  const today = vnDateOf(now);
  const late = input.completions.findIndex((c) => c.completedOn > today);
  if (late >= 0) throw new AppError('VALIDATION_FAILED', { issues: [{ path: `completions.${late}.completedOn`, message: 'Ngày hoàn thành không được ở tương lai / a completion cannot be in the future' }] });
  if (input.completions.length === 0) return;
  const ids = input.completions.map((c) => c.userId);
  const found = await rows<RowOf<'users', { id: string }>>(ex, sql`select id from users where kind = 'staff' and unit_id = ${unitId} and id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  if (found.length !== new Set(ids).size) throw new AppError('TRAINING_OFFICIAL_UNKNOWN');
}

async function writeCompletions(tx: Executor, courseId: string, input: CourseInput) {
  await tx.execute(sql`delete from training_completions where course_id = ${courseId}`);
  for (const c of input.completions) {
    await tx.execute(sql`insert into training_completions (course_id, user_id, completed_on, certificate_no) values (${courseId}, ${c.userId}, ${c.completedOn}, ${c.certificateNo})`);
  }
}

/**
 * Records a new course of the actor's unit, with who completed it.
 * @throws AppError FORBIDDEN (not a unit admin), TRAINING_OFFICIAL_UNKNOWN, VALIDATION_FAILED.
 */
export async function createCourse(db: Database, actor: Actor | null, input: CourseInput, now: Date, ctx: RequestContext): Promise<string> {
  const user = authorize(actor, 'training.manage', { unitId: actor?.unitId ?? '' });
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await checkCompletions(tx, user.unitId, input, now);
    await tx.execute(sql`insert into training_courses (id, unit_id, version, name, provider, starts_on, ends_on, hours, topic, mode, qualifies, created_by, created_at, updated_by, updated_at)
      values (${id}, ${user.unitId}, 1, ${input.name}, ${input.provider}, ${input.startsOn}, ${input.endsOn}, ${input.hours}, ${input.topic}, ${input.mode}, ${input.qualifies},
              ${user.id}, ${now.toISOString()}, ${user.id}, ${now.toISOString()})`);
    await writeCompletions(tx, id, input);
    await audit(tx, { actorId: user.id, action: 'training_course_save', entityType: 'indicator', entityId: `training:${id}`, details: { version: 1, ...input }, ...ctx }, now);
  });
  return id;
}

/**
 * Saves a course and its completions if `version` is still the one stored.
 * @throws AppError FORBIDDEN, TRAINING_COURSE_NOT_FOUND (not the unit's), TRAINING_VERSION_CONFLICT
 * (someone saved it meanwhile), TRAINING_OFFICIAL_UNKNOWN, VALIDATION_FAILED.
 */
export async function updateCourse(db: Database, actor: Actor | null, id: string, input: CourseInput & { version: number }, now: Date, ctx: RequestContext) {
  const user = authorize(actor, 'training.manage', { unitId: actor?.unitId ?? '' });
  await db.transaction(async (tx) => {
    const current = await maybeOne<RowOf<'training_courses', { version: number }>>(tx, sql`select version from training_courses where id = ${id} and unit_id = ${user.unitId} for update`);
    if (!current) throw new AppError('TRAINING_COURSE_NOT_FOUND');
    if (current.version !== input.version) throw new AppError('TRAINING_VERSION_CONFLICT');
    await checkCompletions(tx, user.unitId, input, now);
    const { version, ...course } = input;
    const updated = await rows(
      tx,
      sql`update training_courses set version = ${version + 1}, name = ${course.name}, provider = ${course.provider}, starts_on = ${course.startsOn}, ends_on = ${course.endsOn},
            hours = ${course.hours}, topic = ${course.topic}, mode = ${course.mode}, qualifies = ${course.qualifies}, updated_by = ${user.id}, updated_at = ${now.toISOString()}
          where id = ${id} and version = ${version} returning id`,
    );
    if (updated.length !== 1) throw new AppError('TRAINING_VERSION_CONFLICT');
    await writeCompletions(tx, id, course);
    await audit(tx, { actorId: user.id, action: 'training_course_save', entityType: 'indicator', entityId: `training:${id}`, details: { version: version + 1, ...course }, ...ctx }, now);
  });
}
