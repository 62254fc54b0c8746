import { formatVn } from '../../domain/calendar/index.ts';
import { can, type Actor } from '../../domain/policy.ts';
import type { Direction, Obstacle, ProjectDetail, ProjectEvent, ProjectSummary, ProjectUpdate } from '../../domain/projects-contract.ts';
import { directionStatus, obstaclesSummary } from '../../domain/projects-obstacles.ts';
import { assessProject, MILESTONES, type ProjectFacts } from '../../domain/projects.ts';
import type { ScheduleRule } from '../../domain/projects-rule.ts';
import { toDate } from '../../db/time.ts';
import { projectScope, type DirectionRow, type EventRow, type MilestoneRow, type ObstacleRow, type ProjectRow, type UpdateFileRow, type UpdateRow } from './projects.repo.ts';

/** A project with everything the assessment and the pages need. */
export interface ProjectBundle {
  row: ProjectRow;
  milestones: MilestoneRow[];
  updates: UpdateRow[];
  obstacles: ObstacleRow[];
  directions: DirectionRow[];
}

const refOf = (id: string | null, name: string | null) => (id && name ? { id, name } : null);
const vn = (t: string) => formatVn(toDate(t));
const vnOrNull = (t: string | null) => (t === null ? null : vn(t));

export function factsOf(b: ProjectBundle): ProjectFacts {
  return {
    registeredCapitalVnd: b.row.registered_capital_vnd,
    milestones: b.milestones.map((m) => ({ kind: m.kind, plannedDate: m.planned_date, actualDate: m.actual_date })),
    plan: b.row.plan,
    reports: b.updates.map((u) => ({ date: u.reported_on, disbursedVnd: u.disbursed_vnd, progressPct: u.progress_pct, recordedAt: toDate(u.created_at).toISOString() })),
  };
}

const directionFacts = (d: DirectionRow) => ({ deadline: d.deadline, completedAt: d.completed_at === null ? null : toDate(d.completed_at) });

/** A project's facts that both the staff's and the public's views show. */
export const projectFacts = (r: ProjectBundle['row']) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  investorName: r.investor_name,
  registeredCapitalVnd: r.registered_capital_vnd,
  areaM2: r.area_m2,
  location: r.location,
  address: r.address,
  landUse: r.land_use,
  planningZone: r.planning_zone,
});

export function presentSummary(b: ProjectBundle, rule: ScheduleRule, now: Date): ProjectSummary {
  const r = b.row;
  return {
    ...projectFacts(r),
    department: refOf(r.department_id, r.department_name),
    public: r.public,
    assessment: assessProject(factsOf(b), rule, now),
    obstacles: obstaclesSummary(
      b.obstacles.map((o) => ({ resolvedAt: o.resolved_at === null ? null : toDate(o.resolved_at), directions: b.directions.filter((d) => d.obstacle_id === o.id).map(directionFacts) })),
      now,
    ),
    lastUpdateOn: b.updates.reduce<string | null>((max, u) => (max === null || u.reported_on > max ? u.reported_on : max), null),
  };
}

export function presentUpdate(u: UpdateRow, files: readonly UpdateFileRow[]): ProjectUpdate {
  return {
    id: u.id,
    reportedOn: u.reported_on,
    reporter: { name: u.reporter_name, role: u.reporter_role },
    progressPct: u.progress_pct,
    disbursedVnd: u.disbursed_vnd,
    note: u.note,
    milestones: u.milestones,
    public: u.public,
    version: u.version,
    files: files.filter((f) => f.update_id === u.id).map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, caption: f.caption })),
    createdAt: vn(u.created_at),
  };
}

function presentDirection(d: DirectionRow, r: ProjectRow, actor: Actor | null, now: Date): Direction {
  return {
    id: d.id,
    text: d.text,
    owner: { kind: d.owner_kind, department: refOf(d.owner_department_id, d.owner_department_name), other: d.owner_other },
    deadline: d.deadline,
    givenBy: d.given_by_name,
    givenAt: vn(d.given_at),
    completedAt: vnOrNull(d.completed_at),
    completionNote: d.completion_note,
    status: directionStatus(directionFacts(d), now),
    mayComplete: d.completed_at === null && can(actor, 'direction.complete', { project: projectScope(r), ownerKind: d.owner_kind, ownerDepartmentId: d.owner_department_id }),
  };
}

export function presentObstacle(o: ObstacleRow, b: ProjectBundle, actor: Actor | null, now: Date): Obstacle {
  return {
    id: o.id,
    description: o.description,
    actor: { kind: o.actor_kind, department: refOf(o.actor_department_id, o.actor_department_name), other: o.actor_other },
    raisedBy: o.raised_by_name,
    raisedAt: vn(o.raised_at),
    resolvedAt: vnOrNull(o.resolved_at),
    resolution: o.resolution,
    directions: b.directions.filter((d) => d.obstacle_id === o.id).map((d) => presentDirection(d, b.row, actor, now)),
  };
}

export const presentEvent = (e: EventRow): ProjectEvent => ({
  at: vn(e.at),
  kind: e.kind,
  summary: e.summary,
  actor: e.actor_name,
  project: { id: e.project_id, code: e.project_code, name: e.project_name },
});

export function presentDetail(
  b: ProjectBundle,
  extra: { files: readonly UpdateFileRow[]; events: readonly EventRow[]; investors: { id: string; name: string; login: string }[] },
  actor: Actor | null,
  rule: ScheduleRule,
  now: Date,
): ProjectDetail {
  const scope = projectScope(b.row);
  const byKind = new Map(b.milestones.map((m) => [m.kind, m]));
  return {
    ...presentSummary(b, rule, now),
    investorMst: b.row.investor_mst,
    summary: b.row.summary,
    version: b.row.version,
    plan: b.row.plan,
    milestones: MILESTONES.filter((k) => byKind.has(k)).map((k) => ({ kind: k, plannedDate: byKind.get(k)!.planned_date, actualDate: byKind.get(k)!.actual_date })),
    updates: b.updates.map((u) => presentUpdate(u, extra.files)),
    obstacles: b.obstacles.map((o) => presentObstacle(o, b, actor, now)),
    investors: extra.investors,
    events: extra.events.map(presentEvent),
    may: {
      edit: can(actor, 'project.edit', scope),
      report: can(actor, 'project.report_progress', scope),
      recordMilestone: can(actor, 'project.record_milestone', scope),
      raiseObstacle: can(actor, 'project.raise_obstacle', scope),
      direct: can(actor, 'project.direct', scope),
      resolve: can(actor, 'project.resolve_obstacle', scope),
    },
  };
}
