import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Database, type Executor } from '../../db/client.ts';
import { vnDateOf } from '../../domain/calendar/index.ts';
import { AppError } from '../../domain/errors.ts';
import { authorize, can, type Actor } from '../../domain/policy.ts';
import type { DirectionInput, ObstacleInput, ProjectInput, UpdateInput } from '../../domain/projects-contract.ts';
import { MILESTONE_LABELS, assessProject, dayVi, stateChange } from '../../domain/projects.ts';
import { ruleInForce, type ScheduleRule } from '../../domain/projects-rule.ts';
import { searchKey } from '../../domain/text.ts';
import { audit } from '../audit/audit.ts';
import type { NotifySettings } from '../notifications/index.ts';
import { notifyDirectionOwners } from './projects.notices.ts';
import { factsOf, type ProjectBundle } from './projects.present.ts';
import {
  appendEvent,
  departmentOfUnit,
  directionsOf,
  eventsSince,
  listProjectRows,
  loadProject,
  milestonesOf,
  obstaclesOf,
  projectScope,
  ruleVersions,
  updatesOf,
  type ProjectRow,
} from './projects.repo.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

export interface RequestContext {
  requestId: string;
  ip: string;
}

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', { issues: [{ path, message }] });
const formatVnd = (v: number) => `${new Intl.NumberFormat('vi-VN').format(v)} đồng`;

/** Gathers milestones, updates, obstacles and directions of the given projects. */
export async function loadBundles(ex: Executor, projects: readonly ProjectRow[], opts: { publicUpdatesOnly?: boolean } = {}): Promise<ProjectBundle[]> {
  const ids = projects.map((p) => p.id);
  const [milestones, updates, obstacles, directions] = await Promise.all([
    milestonesOf(ex, ids),
    updatesOf(ex, ids, opts.publicUpdatesOnly),
    obstaclesOf(ex, ids),
    directionsOf(ex, ids),
  ]);
  return projects.map((row) => ({
    row,
    milestones: milestones.filter((m) => m.project_id === row.id),
    updates: updates.filter((u) => u.project_id === row.id),
    obstacles: obstacles.filter((o) => o.project_id === row.id),
    directions: directions.filter((d) => d.project_id === row.id),
  }));
}

/** The behind-schedule rule in force for a unit on the Vietnam date of `now`. */
export async function ruleAt(ex: Executor, unitId: string, now: Date) {
  return ruleInForce(await ruleVersions(ex, unitId), vnDateOf(now));
}

/**
 * Loads a project the actor may read, or answers PROJECT_NOT_FOUND (existence not disclosed).
 * @throws AppError PROJECT_NOT_FOUND
 */
export async function readableProject(ex: Executor, actor: Actor | null, id: string, forUpdate = false): Promise<ProjectRow> {
  const row = await loadProject(ex, id, forUpdate);
  if (!row || !can(actor, 'project.read', projectScope(row))) throw new AppError('PROJECT_NOT_FOUND');
  return row;
}

async function checkDepartment(tx: Executor, unitId: string, departmentId: string | null, path: string) {
  if (departmentId === null) return null;
  const d = await departmentOfUnit(tx, unitId, departmentId);
  if (!d) throw invalid(path, 'Phòng ban không thuộc đơn vị / the department is not one of this unit’s');
  return d;
}

function checkProjectInput(input: ProjectInput) {
  const kinds = input.milestones.map((m) => m.kind);
  if (new Set(kinds).size !== kinds.length) throw invalid('milestones', 'Mỗi mốc chỉ được nêu một lần / each milestone may be listed once');
  const dates = input.plan.map((p) => p.date);
  if (new Set(dates).size !== dates.length) throw invalid('plan', 'Mỗi ngày của kế hoạch chỉ được nêu một lần / each plan date may be listed once');
}

async function writeProjectFields(tx: Executor, id: string, input: ProjectInput, now: Date) {
  await tx.execute(sql`update projects set name = ${input.name}, name_search = ${searchKey(input.name)}, kind = ${input.kind},
      investor_name = ${input.investorName}, investor_mst = ${input.investorMst}, registered_capital_vnd = ${input.registeredCapitalVnd},
      area_m2 = ${input.areaM2}, location = ${input.location === null ? null : JSON.stringify(input.location)}::jsonb, address = ${input.address},
      land_use = ${input.landUse}, planning_zone = ${input.planningZone}, department_id = ${input.departmentId}, summary = ${input.summary},
      public = ${input.public}, plan = ${JSON.stringify([...input.plan].sort((a, b) => a.date.localeCompare(b.date)))}::jsonb, updated_at = ${now.toISOString()}
    where id = ${id}`);
  // Planned dates are the register's; actual dates stay as recorded by progress updates.
  const listed = input.milestones.map((m) => m.kind);
  for (const m of input.milestones) {
    await tx.execute(sql`insert into project_milestones (project_id, kind, planned_date) values (${id}, ${m.kind}, ${m.plannedDate})
      on conflict (project_id, kind) do update set planned_date = excluded.planned_date`);
  }
  // A milestone left out is removed, unless it was already reached (history is kept).
  await tx.execute(sql`delete from project_milestones where project_id = ${id} and actual_date is null
      ${listed.length ? sql`and kind not in (${sql.join(listed.map((k) => sql`${k}`), sql`, `)})` : sql``}`);
}

/** Registers a new project in the unit's register. */
export async function createProject(db: Database, actor: Actor | null, unitId: string, input: ProjectInput, now: Date, ctx: RequestContext): Promise<string> {
  const user = authorize(actor, 'projects.manage', { unitId });
  checkProjectInput(input);
  return db.transaction(async (tx) => {
    await checkDepartment(tx, unitId, input.departmentId, 'departmentId');
    const id = randomUUID();
    // One creation at a time per unit, so two never pick the same code.
    await tx.execute(sql`select id from units where id = ${unitId} for update`);
    const seq = await maybeOne<Computed<{ n: number }>>(tx, sql`select (count(*) + 1)::int as n from projects where unit_id = ${unitId}`);
    // The code is for people (exports, meetings): the next free number.
    let code = `DA-${String(seq!.n).padStart(3, '0')}`;
    for (let n = seq!.n + 1; await maybeOne(tx, sql`select 1 from projects where code = ${code}`); n++) code = `DA-${String(n).padStart(3, '0')}`;
    const t = now.toISOString();
    await tx.execute(sql`insert into projects (id, unit_id, code, name, name_search, kind, investor_name, registered_capital_vnd, land_use, planning_zone, created_by, created_at, updated_at)
      values (${id}, ${unitId}, ${code}, ${input.name}, ${searchKey(input.name)}, ${input.kind}, ${input.investorName}, ${input.registeredCapitalVnd},
              ${input.landUse}, ${input.planningZone}, ${user.id}, ${t}, ${t})`);
    await writeProjectFields(tx, id, input, now);
    await appendEvent(tx, { projectId: id, actorId: user.id, kind: 'created', summary: `Đưa vào danh mục theo dõi: ${input.name}` }, now);
    await audit(tx, { actorId: user.id, action: 'project_create', entityType: 'project', entityId: id, details: { code }, ...ctx }, now);
    return id;
  });
}

/**
 * Edits the register's fields of a project (optimistic concurrency on `version`).
 * @throws AppError PROJECT_NOT_FOUND, FORBIDDEN, PROJECT_VERSION_CONFLICT, VALIDATION_FAILED
 */
export async function editProject(db: Database, actor: Actor | null, id: string, input: ProjectInput & { version: number }, now: Date, ctx: RequestContext) {
  checkProjectInput(input);
  await db.transaction(async (tx) => {
    const row = await readableProject(tx, actor, id, true);
    const user = authorize(actor, 'project.edit', projectScope(row));
    if (row.version !== input.version) throw new AppError('PROJECT_VERSION_CONFLICT', { current: row.version });
    await checkDepartment(tx, row.unit_id, input.departmentId, 'departmentId');
    await writeProjectFields(tx, id, input, now);
    await tx.execute(sql`update projects set version = version + 1 where id = ${id}`);
    await appendEvent(tx, { projectId: id, actorId: user.id, kind: 'edited', summary: 'Cập nhật thông tin dự án / update a project' }, now);
    await audit(tx, { actorId: user.id, action: 'project_edit', entityType: 'project', entityId: id, details: { version: input.version + 1 }, ...ctx }, now);
  });
}

/**
 * A progress update with evidence, by the responsible department or the investor. Milestones
 * reached are the ward's to record; only officers may publish an update's photos.
 * @throws AppError PROJECT_NOT_FOUND, FORBIDDEN, PROJECT_DATE_IN_FUTURE, FILE_NOT_FOUND
 */
export async function addUpdate(db: Database, actor: Actor | null, id: string, input: UpdateInput, now: Date, ctx: RequestContext): Promise<string> {
  const today = vnDateOf(now);
  return db.transaction(async (tx) => {
    const row = await readableProject(tx, actor, id, true);
    const scope = projectScope(row);
    const user = authorize(actor, 'project.report_progress', scope);
    const officer = can(user, 'project.record_milestone', scope);
    if (input.milestones.length > 0 && !officer) throw new AppError('FORBIDDEN', { reason: 'milestones' });
    if (input.public && !can(user, 'project.edit', scope)) throw new AppError('FORBIDDEN', { reason: 'public' });
    if (input.progressPct === null && input.disbursedVnd === null && input.milestones.length === 0 && input.files.length === 0 && !input.note) throw invalid('note', 'Cập nhật trống / an empty update');
    for (const d of [input.reportedOn, ...input.milestones.map((m) => m.actualDate)]) {
      if (d > today) throw new AppError('PROJECT_DATE_IN_FUTURE', { date: d, today });
    }
    const kinds = input.milestones.map((m) => m.kind);
    if (new Set(kinds).size !== kinds.length) throw invalid('milestones', 'Mỗi mốc chỉ được nêu một lần / each milestone may be listed once');
    const uploadIds = input.files.map((f) => f.uploadId);
    if (uploadIds.length) {
      const mine = await rows<RowOf<'uploads', { id: string }>>(tx, sql`select id from uploads where uploaded_by = ${user.id} and id in (${sql.join(uploadIds.map((u) => sql`${u}`), sql`, `)})`);
      const missing = uploadIds.find((u) => !mine.some((m) => m.id === u));
      if (missing) throw new AppError('FILE_NOT_FOUND', { fileId: missing });
    }
    const updateId = randomUUID();
    await tx.execute(sql`insert into project_updates (id, project_id, reported_on, reported_by, reporter_role, progress_pct, disbursed_vnd, note, milestones, public, created_at)
      values (${updateId}, ${id}, ${input.reportedOn}, ${user.id}, ${officer ? 'department' : 'investor'}, ${input.progressPct}, ${input.disbursedVnd},
              ${input.note}, ${JSON.stringify(input.milestones)}::jsonb, ${input.public}, ${now.toISOString()})`);
    for (const f of input.files) {
      await tx.execute(sql`insert into project_update_files (update_id, upload_id, caption) values (${updateId}, ${f.uploadId}, ${f.caption}) on conflict do nothing`);
    }
    for (const m of input.milestones) {
      await tx.execute(sql`insert into project_milestones (project_id, kind, actual_date) values (${id}, ${m.kind}, ${m.actualDate})
        on conflict (project_id, kind) do update set actual_date = excluded.actual_date`);
      await appendEvent(tx, { projectId: id, actorId: user.id, kind: 'milestone', summary: `Đạt mốc “${MILESTONE_LABELS[m.kind].vi}” ngày ${dayVi(m.actualDate)}`, data: m }, now);
    }
    const figures = [
      input.disbursedVnd !== null ? `giải ngân lũy kế ${formatVnd(input.disbursedVnd)}` : null,
      input.progressPct !== null ? `khối lượng ${input.progressPct}%` : null,
    ].filter(Boolean);
    await appendEvent(tx, { projectId: id, actorId: user.id, kind: 'update', summary: `Báo cáo tiến độ ngày ${dayVi(input.reportedOn)}${figures.length ? `: ${figures.join(', ')}` : ''}`, data: { updateId } }, now);
    await audit(tx, { actorId: user.id, action: 'project_update', entityType: 'project', entityId: id, details: { updateId, files: uploadIds.length }, ...ctx }, now);
    return updateId;
  });
}

/**
 * Shows or hides a progress report, with its photos, on the public timeline (e.g. an investor's,
 * once checked), with the report's version read: a stale request is refused.
 * @throws AppError PROJECT_NOT_FOUND, FORBIDDEN, PROJECT_UPDATE_NOT_FOUND, PROJECT_UPDATE_VERSION_CONFLICT
 */
export async function setUpdatePublication(db: Database, actor: Actor | null, id: string, updateId: string, input: { public: boolean; version: number }, now: Date, ctx: RequestContext) {
  await db.transaction(async (tx) => {
    const row = await readableProject(tx, actor, id, true);
    const user = authorize(actor, 'project.edit', projectScope(row));
    const u = await maybeOne<RowOf<'project_updates', { version: number; public: boolean }>>(tx, sql`select version, public from project_updates where id = ${updateId} and project_id = ${id} for update`);
    if (!u) throw new AppError('PROJECT_UPDATE_NOT_FOUND');
    if (u.version !== input.version) throw new AppError('PROJECT_UPDATE_VERSION_CONFLICT', { current: u.version });
    await tx.execute(sql`update project_updates set public = ${input.public}, version = version + 1 where id = ${updateId}`);
    await audit(
      tx,
      { actorId: user.id, action: input.public ? 'project_update_publish' : 'project_update_unpublish', entityType: 'project', entityId: id, details: { updateId, version: u.version + 1, wasPublic: u.public }, ...ctx },
      now,
    );
  });
}

/** Records an obstacle (vướng mắc): the responsible department, a unit leader, or the investor. */
export async function raiseObstacle(db: Database, actor: Actor | null, id: string, input: ObstacleInput, now: Date, ctx: RequestContext): Promise<string> {
  if (input.actorKind === 'other' && !input.actorOther) throw invalid('actorOther', 'Nêu cơ quan phải xử lý / name the agency that must act');
  if (input.actorKind === 'department' && !input.actorDepartmentId) throw invalid('actorDepartmentId', 'Chọn phòng ban phải xử lý / choose the department that must act');
  return db.transaction(async (tx) => {
    const row = await readableProject(tx, actor, id, true);
    const user = authorize(actor, 'project.raise_obstacle', projectScope(row));
    await checkDepartment(tx, row.unit_id, input.actorKind === 'department' ? input.actorDepartmentId : null, 'actorDepartmentId');
    const obstacleId = randomUUID();
    await tx.execute(sql`insert into project_obstacles (id, project_id, description, actor_kind, actor_department_id, actor_other, raised_by, raised_at)
      values (${obstacleId}, ${id}, ${input.description}, ${input.actorKind}, ${input.actorKind === 'department' ? input.actorDepartmentId : null},
              ${input.actorKind === 'other' ? input.actorOther : ''}, ${user.id}, ${now.toISOString()})`);
    await appendEvent(tx, { projectId: id, actorId: user.id, kind: 'obstacle', summary: `Vướng mắc mới: ${input.description.slice(0, 200)}`, data: { obstacleId } }, now);
    await audit(tx, { actorId: user.id, action: 'project_obstacle', entityType: 'project', entityId: id, details: { obstacleId }, ...ctx }, now);
    return obstacleId;
  });
}

async function openObstacle(tx: Executor, projectId: string, obstacleId: string) {
  const o = await maybeOne<RowOf<'project_obstacles', { id: string }> & Computed<{ resolved_at: string | null }>>(tx, sql`select id, resolved_at::text as resolved_at from project_obstacles where id = ${obstacleId} and project_id = ${projectId} for update`);
  if (!o) throw new AppError('OBSTACLE_NOT_FOUND');
  if (o.resolved_at !== null) throw new AppError('OBSTACLE_RESOLVED');
  return o;
}

/**
 * A unit leader's direction (chỉ đạo) on an open obstacle, with a deadline from today on.
 * @throws AppError PROJECT_NOT_FOUND, FORBIDDEN, OBSTACLE_NOT_FOUND, OBSTACLE_RESOLVED, DIRECTION_DEADLINE_PAST
 */
export async function giveDirection(db: Database, actor: Actor | null, id: string, obstacleId: string, input: DirectionInput, now: Date, ctx: RequestContext, notices: NotifySettings): Promise<string> {
  if (input.ownerKind === 'other' && !input.ownerOther) throw invalid('ownerOther', 'Nêu cơ quan được giao / name the agency given the task');
  if (input.ownerKind === 'department' && !input.ownerDepartmentId) throw invalid('ownerDepartmentId', 'Chọn phòng ban được giao / choose the department given the task');
  if (input.deadline < vnDateOf(now)) throw new AppError('DIRECTION_DEADLINE_PAST', { deadline: input.deadline, today: vnDateOf(now) });
  return db.transaction(async (tx) => {
    const row = await readableProject(tx, actor, id, true);
    const user = authorize(actor, 'project.direct', projectScope(row));
    await openObstacle(tx, id, obstacleId);
    const dept = await checkDepartment(tx, row.unit_id, input.ownerKind === 'department' ? input.ownerDepartmentId : null, 'ownerDepartmentId');
    const directionId = randomUUID();
    await tx.execute(sql`insert into project_directions (id, obstacle_id, project_id, text, owner_kind, owner_department_id, owner_other, deadline, given_by, given_at)
      values (${directionId}, ${obstacleId}, ${id}, ${input.text}, ${input.ownerKind}, ${dept?.id ?? null}, ${input.ownerKind === 'other' ? input.ownerOther : ''},
              ${input.deadline}, ${user.id}, ${now.toISOString()})`);
    const owner = input.ownerKind === 'department' ? dept!.name : input.ownerKind === 'investor' ? row.investor_name : input.ownerOther;
    await appendEvent(tx, { projectId: id, actorId: user.id, kind: 'direction', summary: `Chỉ đạo giao ${owner}, hạn ${dayVi(input.deadline)}: ${input.text.slice(0, 200)}`, data: { directionId, obstacleId } }, now);
    await audit(tx, { actorId: user.id, action: 'project_direction', entityType: 'project', entityId: id, details: { directionId, deadline: input.deadline }, ...ctx }, now);
    const leader = await maybeOne<RowOf<'users', { full_name: string }>>(tx, sql`select full_name from users where id = ${user.id}`);
    await notifyDirectionOwners(
      tx,
      { projectId: id, projectName: row.name, directionId, text: input.text, deadline: input.deadline, leaderName: leader?.full_name ?? '', owner: { kind: input.ownerKind, departmentId: dept?.id ?? null } },
      notices,
      now,
    );
    return directionId;
  });
}

/**
 * Reports a direction done, by whoever it was given to (or a unit leader).
 * @throws AppError DIRECTION_NOT_FOUND, FORBIDDEN, DIRECTION_ALREADY_DONE
 */
export async function completeDirection(db: Database, actor: Actor | null, id: string, directionId: string, note: string, now: Date, ctx: RequestContext) {
  await db.transaction(async (tx) => {
    const row = await readableProject(tx, actor, id, true);
    const d = await maybeOne<RowOf<'project_directions', { owner_kind: 'department' | 'investor' | 'other'; owner_department_id: string | null; text: string }> & Computed<{ completed_at: string | null }>>(
      tx,
      sql`select owner_kind, owner_department_id, completed_at::text as completed_at, text from project_directions where id = ${directionId} and project_id = ${id} for update`,
    );
    if (!d) throw new AppError('DIRECTION_NOT_FOUND');
    const user = authorize(actor, 'direction.complete', { project: projectScope(row), ownerKind: d.owner_kind, ownerDepartmentId: d.owner_department_id });
    if (d.completed_at !== null) throw new AppError('DIRECTION_ALREADY_DONE');
    await tx.execute(sql`update project_directions set completed_at = ${now.toISOString()}, completed_by = ${user.id}, completion_note = ${note} where id = ${directionId}`);
    await appendEvent(tx, { projectId: id, actorId: user.id, kind: 'direction_done', summary: `Hoàn thành chỉ đạo: ${d.text.slice(0, 120)} — ${note.slice(0, 200)}`, data: { directionId } }, now);
    await audit(tx, { actorId: user.id, action: 'project_direction_done', entityType: 'project', entityId: id, details: { directionId }, ...ctx }, now);
  });
}

/**
 * Records an obstacle resolved. Its directions still open are closed with the resolution, so
 * none of them reads overdue once the obstacle is gone.
 * @throws AppError OBSTACLE_NOT_FOUND, OBSTACLE_RESOLVED, FORBIDDEN
 */
export async function resolveObstacle(db: Database, actor: Actor | null, id: string, obstacleId: string, resolution: string, now: Date, ctx: RequestContext) {
  await db.transaction(async (tx) => {
    const row = await readableProject(tx, actor, id, true);
    const user = authorize(actor, 'project.resolve_obstacle', projectScope(row));
    await openObstacle(tx, id, obstacleId);
    const t = now.toISOString();
    await tx.execute(sql`update project_obstacles set resolved_at = ${t}, resolved_by = ${user.id}, resolution = ${resolution} where id = ${obstacleId}`);
    await tx.execute(sql`update project_directions set completed_at = ${t}, completed_by = ${user.id}, completion_note = ${`Vướng mắc đã được giải quyết: ${resolution}`}
      where obstacle_id = ${obstacleId} and completed_at is null`);
    await appendEvent(tx, { projectId: id, actorId: user.id, kind: 'obstacle_resolved', summary: `Đã tháo gỡ vướng mắc: ${resolution.slice(0, 200)}`, data: { obstacleId } }, now);
    await audit(tx, { actorId: user.id, action: 'project_obstacle_resolve', entityType: 'project', entityId: id, details: { obstacleId }, ...ctx }, now);
  });
}

/**
 * Links an account (business or citizen, by login: tax code or CCCD) as acting for the investor.
 * @throws AppError INVESTOR_ACCOUNT_NOT_FOUND, FORBIDDEN
 */
export async function linkInvestor(db: Database, actor: Actor | null, id: string, login: string, now: Date, ctx: RequestContext) {
  await db.transaction(async (tx) => {
    const row = await readableProject(tx, actor, id, true);
    const user = authorize(actor, 'project.edit', projectScope(row));
    const account = await maybeOne<RowOf<'users', { id: string; full_name: string }>>(tx, sql`select id, full_name from users where login = ${login} and kind in ('business', 'citizen') and not disabled`);
    if (!account) throw new AppError('INVESTOR_ACCOUNT_NOT_FOUND');
    await tx.execute(sql`insert into project_investors (project_id, user_id, added_by, added_at) values (${id}, ${account.id}, ${user.id}, ${now.toISOString()}) on conflict do nothing`);
    await appendEvent(tx, { projectId: id, actorId: user.id, kind: 'investor_linked', summary: `Tài khoản nhà đầu tư: ${account.full_name}` }, now);
    await audit(tx, { actorId: user.id, action: 'project_investor_link', entityType: 'project', entityId: id, details: { userId: account.id }, ...ctx }, now);
  });
}

/**
 * Unlinks an investor's account from a project: it no longer reads nor reports on it.
 * @throws AppError PROJECT_NOT_FOUND, FORBIDDEN, INVESTOR_ACCOUNT_NOT_FOUND (not linked)
 */
export async function unlinkInvestor(db: Database, actor: Actor | null, id: string, userId: string, now: Date, ctx: RequestContext) {
  await db.transaction(async (tx) => {
    const row = await readableProject(tx, actor, id, true);
    const user = authorize(actor, 'project.edit', projectScope(row));
    const gone = await rows<RowOf<'project_investors', { user_id: string }>>(tx, sql`delete from project_investors where project_id = ${id} and user_id = ${userId} returning user_id`);
    if (gone.length === 0) throw new AppError('INVESTOR_ACCOUNT_NOT_FOUND');
    const account = await maybeOne<RowOf<'users', { full_name: string }>>(tx, sql`select full_name from users where id = ${userId}`);
    await appendEvent(tx, { projectId: id, actorId: user.id, kind: 'investor_unlinked', summary: `Bỏ liên kết tài khoản nhà đầu tư: ${account?.full_name ?? ''}` }, now);
    await audit(tx, { actorId: user.id, action: 'project_investor_unlink', entityType: 'project', entityId: id, details: { userId }, ...ctx }, now);
  });
}

/**
 * Saves a new version of the behind-schedule rule, taking effect today or later (a past date
 * would rewrite how projects stood).
 * @throws AppError FORBIDDEN, PROJECT_RULE_DATE_PAST
 */
export async function saveRule(db: Database, actor: Actor | null, unitId: string, input: { effectiveFrom: string; rule: ScheduleRule; basis: string }, now: Date, ctx: RequestContext) {
  const user = authorize(actor, 'projects.rule_edit', { unitId });
  if (input.effectiveFrom < vnDateOf(now)) throw new AppError('PROJECT_RULE_DATE_PAST', { effectiveFrom: input.effectiveFrom, today: vnDateOf(now) });
  await db.transaction(async (tx) => {
    const saved = await rows<RowOf<'project_schedule_rules', { version: number }>>(
      tx,
      sql`insert into project_schedule_rules (unit_id, effective_from, rule, basis, created_by, created_at)
          values (${unitId}, ${input.effectiveFrom}, ${JSON.stringify(input.rule)}::jsonb, ${input.basis}, ${user.id}, ${now.toISOString()}) returning version`,
    );
    await audit(tx, { actorId: user.id, action: 'project_rule_edit', entityType: 'project', entityId: 'rule', details: { version: saved[0]!.version, ...input }, ...ctx }, now);
  });
}

/**
 * What changed in the last `days` days: the recorded events, and the projects whose computed
 * state differs from what it was then (each assessed under the rule in force on each date).
 */
export async function recentChanges(ex: Executor, unitId: string, days: number, now: Date) {
  const since = new Date(now.getTime() - days * 86_400_000);
  const [events, projects, versions] = await Promise.all([eventsSince(ex, unitId, since), listProjectRows(ex, sql`p.unit_id = ${unitId}`), ruleVersions(ex, unitId)]);
  const bundles = await loadBundles(ex, projects);
  const before = ruleInForce(versions, vnDateOf(since)).rule;
  const after = ruleInForce(versions, vnDateOf(now)).rule;
  const stateChanges = bundles.flatMap((b) => {
    const change = stateChange(assessProject(factsOf(b), before, since), assessProject(factsOf(b), after, now));
    return change ? [{ project: { id: b.row.id, code: b.row.code, name: b.row.name }, ...change }] : [];
  });
  return { since, events, stateChanges };
}
