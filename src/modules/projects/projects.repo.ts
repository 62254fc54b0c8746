import { sql, type SQL } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import type { ActorKind } from '../../domain/projects-obstacles.ts';
import type { MilestoneKind, PlanPoint, ProjectKind } from '../../domain/projects.ts';
import type { Geometry } from '../../domain/projects-geo.ts';
import type { ProjectResource } from '../../domain/policy.ts';
import type { ScheduleRule, ScheduleRuleVersion } from '../../domain/projects-rule.ts';

// SQL of the projects module. Dates come back as text (YYYY-MM-DD), amounts as float8 (exact
// below 2^53), timestamps as text for toDate().

export interface ProjectRow {
  id: string;
  unit_id: string;
  code: string;
  name: string;
  kind: ProjectKind;
  investor_name: string;
  investor_mst: string | null;
  registered_capital_vnd: number;
  area_m2: number | null;
  location: Geometry | null;
  address: string;
  land_use: string;
  planning_zone: string;
  department_id: string | null;
  department_name: string | null;
  summary: string;
  public: boolean;
  plan: PlanPoint[];
  version: number;
  investor_ids: string[];
}

export interface MilestoneRow {
  project_id: string;
  kind: MilestoneKind;
  planned_date: string | null;
  actual_date: string | null;
}

export interface UpdateRow {
  id: string;
  project_id: string;
  reported_on: string;
  reported_by: string;
  reporter_name: string;
  reporter_role: 'department' | 'investor';
  progress_pct: number | null;
  disbursed_vnd: number | null;
  note: string;
  milestones: { kind: MilestoneKind; actualDate: string }[];
  public: boolean;
  version: number;
  created_at: string;
}

export interface UpdateFileRow {
  update_id: string;
  id: string;
  name: string;
  mime: string;
  size: number;
  caption: string;
}

export interface ObstacleRow {
  id: string;
  project_id: string;
  description: string;
  actor_kind: ActorKind;
  actor_department_id: string | null;
  actor_department_name: string | null;
  actor_other: string;
  raised_by_name: string;
  raised_at: string;
  resolved_at: string | null;
  resolution: string | null;
}

export interface DirectionRow {
  id: string;
  obstacle_id: string;
  project_id: string;
  text: string;
  owner_kind: ActorKind;
  owner_department_id: string | null;
  owner_department_name: string | null;
  owner_other: string;
  deadline: string;
  given_by_name: string;
  given_at: string;
  completed_at: string | null;
  completion_note: string | null;
}

export interface EventRow {
  at: string;
  kind: string;
  summary: string;
  actor_name: string | null;
  project_id: string;
  project_code: string;
  project_name: string;
}

const PROJECT_SELECT = sql`
  select p.id, p.unit_id, p.code, p.name, p.kind, p.investor_name, p.investor_mst,
         p.registered_capital_vnd::float8 as registered_capital_vnd, p.area_m2, p.location, p.address,
         p.land_use, p.planning_zone, p.department_id, d.name as department_name, p.summary, p.public,
         p.plan, p.version,
         coalesce((select array_agg(pi.user_id::text order by pi.user_id) from project_investors pi where pi.project_id = p.id), '{}') as investor_ids
    from projects p left join departments d on d.id = p.department_id`;

const idList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

export async function listProjectRows(ex: Executor, where: SQL): Promise<ProjectRow[]> {
  return rows<ProjectRow>(ex, sql`${PROJECT_SELECT} where ${where} order by p.code`);
}

export async function loadProject(ex: Executor, id: string, forUpdate = false): Promise<ProjectRow | null> {
  if (forUpdate) await ex.execute(sql`select id from projects where id = ${id} for update`);
  return maybeOne<ProjectRow>(ex, sql`${PROJECT_SELECT} where p.id = ${id}`);
}

export const projectScope = (p: Pick<ProjectRow, 'unit_id' | 'department_id' | 'investor_ids'>): ProjectResource => ({
  unitId: p.unit_id,
  departmentId: p.department_id,
  investorIds: p.investor_ids,
});

export async function milestonesOf(ex: Executor, projectIds: readonly string[]): Promise<MilestoneRow[]> {
  if (projectIds.length === 0) return [];
  return rows<MilestoneRow>(
    ex,
    sql`select project_id, kind, planned_date::text as planned_date, actual_date::text as actual_date
          from project_milestones where project_id in (${idList(projectIds)})`,
  );
}

export async function updatesOf(ex: Executor, projectIds: readonly string[], onlyPublic = false): Promise<UpdateRow[]> {
  if (projectIds.length === 0) return [];
  return rows<UpdateRow>(
    ex,
    sql`select u.id, u.project_id, u.reported_on::text as reported_on, u.reported_by, us.full_name as reporter_name, u.reporter_role,
               u.progress_pct, u.disbursed_vnd::float8 as disbursed_vnd, u.note, u.milestones, u.public, u.version, u.created_at::text as created_at
          from project_updates u join users us on us.id = u.reported_by
         where u.project_id in (${idList(projectIds)}) ${onlyPublic ? sql`and u.public` : sql``}
         order by u.reported_on desc, u.created_at desc`,
  );
}

export async function filesOfUpdates(ex: Executor, updateIds: readonly string[]): Promise<UpdateFileRow[]> {
  if (updateIds.length === 0) return [];
  return rows<UpdateFileRow>(
    ex,
    sql`select pf.update_id, up.id, up.name, f.mime, f.size, pf.caption
          from project_update_files pf join uploads up on up.id = pf.upload_id join files f on f.sha256 = up.sha256
         where pf.update_id in (${idList(updateIds)}) order by up.created_at, up.id`,
  );
}

export async function obstaclesOf(ex: Executor, projectIds: readonly string[]): Promise<ObstacleRow[]> {
  if (projectIds.length === 0) return [];
  return rows<ObstacleRow>(
    ex,
    sql`select o.id, o.project_id, o.description, o.actor_kind, o.actor_department_id, d.name as actor_department_name, o.actor_other,
               u.full_name as raised_by_name, o.raised_at::text as raised_at, o.resolved_at::text as resolved_at, o.resolution
          from project_obstacles o join users u on u.id = o.raised_by left join departments d on d.id = o.actor_department_id
         where o.project_id in (${idList(projectIds)}) order by o.raised_at`,
  );
}

export async function directionsOf(ex: Executor, projectIds: readonly string[]): Promise<DirectionRow[]> {
  if (projectIds.length === 0) return [];
  return rows<DirectionRow>(
    ex,
    sql`select x.id, x.obstacle_id, x.project_id, x.text, x.owner_kind, x.owner_department_id, d.name as owner_department_name, x.owner_other,
               x.deadline::text as deadline, u.full_name as given_by_name, x.given_at::text as given_at,
               x.completed_at::text as completed_at, x.completion_note
          from project_directions x join users u on u.id = x.given_by left join departments d on d.id = x.owner_department_id
         where x.project_id in (${idList(projectIds)}) order by x.given_at`,
  );
}

export async function eventsSince(ex: Executor, unitId: string, since: Date, projectId?: string): Promise<EventRow[]> {
  return rows<EventRow>(
    ex,
    sql`select e.at::text as at, e.kind, e.summary, u.full_name as actor_name, p.id as project_id, p.code as project_code, p.name as project_name
          from project_events e join projects p on p.id = e.project_id left join users u on u.id = e.actor_id
         where p.unit_id = ${unitId} and e.at >= ${since.toISOString()} ${projectId ? sql`and e.project_id = ${projectId}` : sql``}
         order by e.at desc, e.id desc limit 200`,
  );
}

export async function appendEvent(tx: Executor, e: { projectId: string; actorId: string | null; kind: string; summary: string; data?: Record<string, unknown> }, at: Date) {
  await tx.execute(sql`insert into project_events (project_id, at, actor_id, kind, summary, data)
    values (${e.projectId}, ${at.toISOString()}, ${e.actorId}, ${e.kind}, ${e.summary}, ${JSON.stringify(e.data ?? {})}::jsonb)`);
}

export interface RuleRow {
  version: number;
  effective_from: string;
  rule: ScheduleRule;
  basis: string;
  created_by_name: string | null;
  created_at: string;
}

export async function ruleVersions(ex: Executor, unitId: string): Promise<(ScheduleRuleVersion & { createdBy: string | null; createdAt: string })[]> {
  const list = await rows<RuleRow>(
    ex,
    sql`select r.version, r.effective_from::text as effective_from, r.rule, r.basis, u.full_name as created_by_name, r.created_at::text as created_at
          from project_schedule_rules r left join users u on u.id = r.created_by where r.unit_id = ${unitId} order by r.version`,
  );
  return list.map((r) => ({ version: r.version, effectiveFrom: r.effective_from, rule: r.rule, basis: r.basis, createdBy: r.created_by_name, createdAt: r.created_at }));
}

export async function departmentOfUnit(ex: Executor, unitId: string, departmentId: string): Promise<{ id: string; name: string } | null> {
  return maybeOne(ex, sql`select id, name from departments where id = ${departmentId} and unit_id = ${unitId}`);
}
