/**
 * The HTTP contract of the projects API: every request and response schema, in one place that
 * the server validates with (src/modules/projects) and the web app imports its types from. Pure.
 */
import { z } from 'zod';
import { ACTOR_KINDS, DIRECTION_STATES } from './projects-obstacles.ts';
import { MILESTONES, PROJECT_KINDS, PROJECT_STATES } from './projects.ts';
import { GeometrySchema } from './projects-geo.ts';
import { ScheduleRuleSchema } from './projects-rule.ts';

// ---------------------------------------------------------------------------------------------
// Pieces
// ---------------------------------------------------------------------------------------------

/** Text as stored: NFC, trimmed, bounded. */
export const text = (max: number) => z.string().normalize('NFC').trim().max(max);
export const requiredText = (max: number) => text(max).min(1);
/** A calendar date the database and the domain both take (YYYY-MM-DD, 1900–2999). */
export const date = () => z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2999-12-31', { message: 'Ngày phải trong khoảng năm 1900–2999 / the date must fall within 1900–2999' });
/** VND amounts: whole đồng, up to a million billion (exact in a JavaScript number). */
export const vnd = () => z.number().int().min(0).max(1e15);
const pct = () => z.number().min(0).max(100);
/** An instant as the API presents it: ISO 8601 at +07:00. */
const instant = z.string();
const ref = z.object({ id: z.string(), name: z.string() });

export const MilestoneKindSchema = z.enum(MILESTONES);
export const ProjectKindSchema = z.enum(PROJECT_KINDS);
export const ActorKindSchema = z.enum(ACTOR_KINDS);

export const PlanPointSchema = z.strictObject({ date: date(), disbursedVnd: vnd().nullable(), progressPct: pct().nullable() });

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

export const ProjectBody = z.strictObject({
  name: requiredText(300),
  kind: ProjectKindSchema,
  investorName: requiredText(300),
  investorMst: z.string().regex(/^\d{10}(-\d{3})?$/).nullable().default(null),
  registeredCapitalVnd: vnd(),
  areaM2: z.number().positive().max(1e9).nullable().default(null),
  location: GeometrySchema.nullable().default(null),
  address: text(300).default(''),
  landUse: requiredText(200),
  planningZone: requiredText(300),
  departmentId: z.uuid().nullable().default(null),
  summary: text(4000).default(''),
  public: z.boolean().default(false),
  plan: z.array(PlanPointSchema).max(60).default([]),
  milestones: z.array(z.strictObject({ kind: MilestoneKindSchema, plannedDate: date().nullable() })).max(MILESTONES.length).default([]),
});
export type ProjectInput = z.infer<typeof ProjectBody>;
export const ProjectEditBody = ProjectBody.extend({ version: z.number().int().min(1).max(2_147_483_647) });

export const UpdateBody = z.strictObject({
  reportedOn: date(),
  progressPct: pct().nullable().default(null),
  disbursedVnd: vnd().nullable().default(null),
  note: requiredText(4000),
  /** Milestones reached (the ward records these, not the investor). */
  milestones: z.array(z.strictObject({ kind: MilestoneKindSchema, actualDate: date() })).max(MILESTONES.length).default([]),
  public: z.boolean().default(false),
  files: z.array(z.strictObject({ uploadId: z.uuid(), caption: text(300).default('') })).max(20).default([]),
});
export type UpdateInput = z.infer<typeof UpdateBody>;

/** Publishes or hides a progress report, with the report's `version` read (a stale one is refused). */
export const PublicationBody = z.strictObject({ public: z.boolean(), version: z.number().int().min(1).max(2_147_483_647) });

export const ObstacleBody = z.strictObject({
  description: requiredText(4000),
  actorKind: ActorKindSchema,
  actorDepartmentId: z.uuid().nullable().default(null),
  actorOther: text(300).default(''),
});
export type ObstacleInput = z.infer<typeof ObstacleBody>;

export const DirectionBody = z.strictObject({
  text: requiredText(4000),
  ownerKind: ActorKindSchema,
  ownerDepartmentId: z.uuid().nullable().default(null),
  ownerOther: text(300).default(''),
  deadline: date(),
});
export type DirectionInput = z.infer<typeof DirectionBody>;

export const CompleteBody = z.strictObject({ note: requiredText(4000) });
export const ResolveBody = z.strictObject({ resolution: requiredText(4000) });
export const InvestorBody = z.strictObject({ login: requiredText(100) });
export const RuleBody = z.strictObject({ effectiveFrom: date(), rule: ScheduleRuleSchema, basis: requiredText(500) });

export const ProjectListQuery = z.strictObject({
  state: z.enum(PROJECT_STATES).optional(),
  kind: ProjectKindSchema.optional(),
  q: text(200).optional(),
});
export const IdParams = z.strictObject({ id: z.uuid() });
export const ChildParams = z.strictObject({ id: z.uuid(), childId: z.uuid() });
export const ChangesQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(90).default(7) });

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

const LateReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('milestone_overdue'), milestone: MilestoneKindSchema, plannedDate: z.string(), daysLate: z.number() }),
  z.object({ kind: z.literal('disbursement_below_plan'), plannedPct: z.number(), actualPct: z.number(), shortfallPoints: z.number(), marginPoints: z.number() }),
  z.object({ kind: z.literal('progress_below_plan'), plannedPct: z.number(), actualPct: z.number(), shortfallPoints: z.number(), marginPoints: z.number() }),
]);

export const AssessmentSchema = z.object({
  state: z.enum(PROJECT_STATES),
  reasons: z.array(LateReasonSchema),
  dueSoon: z.array(z.object({ milestone: MilestoneKindSchema, plannedDate: z.string(), daysLeft: z.number() })),
  daysLate: z.number(),
  shortfallPoints: z.number(),
  reached: MilestoneKindSchema.nullable(),
  plannedDisbursedVnd: z.number().nullable(),
  actualDisbursedVnd: z.number().nullable(),
  plannedProgressPct: z.number().nullable(),
  actualProgressPct: z.number().nullable(),
});

export const RuleVersionSchema = z.object({ version: z.number(), effectiveFrom: z.string(), rule: ScheduleRuleSchema, basis: z.string() });

export const ProjectSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: ProjectKindSchema,
  investorName: z.string(),
  registeredCapitalVnd: z.number(),
  areaM2: z.number().nullable(),
  location: GeometrySchema.nullable(),
  address: z.string(),
  landUse: z.string(),
  planningZone: z.string(),
  department: ref.nullable(),
  public: z.boolean(),
  assessment: AssessmentSchema,
  obstacles: z.object({ open: z.number(), openDirections: z.number(), overdueDirections: z.number() }),
  lastUpdateOn: z.string().nullable(),
});
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;

export const ProjectListSchema = z.object({
  asOf: instant,
  rule: RuleVersionSchema,
  counts: z.record(z.enum(PROJECT_STATES), z.number()),
  overdueDirections: z.number(),
  items: z.array(ProjectSummarySchema),
});
export type ProjectList = z.infer<typeof ProjectListSchema>;

const FileSchema = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), caption: z.string() });
export type ProjectFile = z.infer<typeof FileSchema>;

export const UpdateSchema = z.object({
  id: z.string(),
  reportedOn: z.string(),
  reporter: z.object({ name: z.string(), role: z.enum(['department', 'investor']) }),
  progressPct: z.number().nullable(),
  disbursedVnd: z.number().nullable(),
  note: z.string(),
  milestones: z.array(z.object({ kind: MilestoneKindSchema, actualDate: z.string() })),
  public: z.boolean(),
  /** Counts changes to its publication; carried back when publishing or hiding it. */
  version: z.number(),
  files: z.array(FileSchema),
  createdAt: instant,
});
export type ProjectUpdate = z.infer<typeof UpdateSchema>;

const ActorSchema = z.object({ kind: ActorKindSchema, department: ref.nullable(), other: z.string() });

export const DirectionSchema = z.object({
  id: z.string(),
  text: z.string(),
  owner: ActorSchema,
  deadline: z.string(),
  givenBy: z.string(),
  givenAt: instant,
  completedAt: instant.nullable(),
  completionNote: z.string().nullable(),
  status: z.object({ state: z.enum(DIRECTION_STATES), daysOverdue: z.number(), daysLeft: z.number().nullable() }),
  mayComplete: z.boolean(),
});
export type Direction = z.infer<typeof DirectionSchema>;

export const ObstacleSchema = z.object({
  id: z.string(),
  description: z.string(),
  actor: ActorSchema,
  raisedBy: z.string(),
  raisedAt: instant,
  resolvedAt: instant.nullable(),
  resolution: z.string().nullable(),
  directions: z.array(DirectionSchema),
});
export type Obstacle = z.infer<typeof ObstacleSchema>;

export const EventSchema = z.object({ at: instant, kind: z.string(), summary: z.string(), actor: z.string().nullable(), project: z.object({ id: z.string(), code: z.string(), name: z.string() }) });
export type ProjectEvent = z.infer<typeof EventSchema>;

export const ProjectDetailSchema = ProjectSummarySchema.extend({
  investorMst: z.string().nullable(),
  summary: z.string(),
  version: z.number(),
  plan: z.array(PlanPointSchema),
  milestones: z.array(z.object({ kind: MilestoneKindSchema, plannedDate: z.string().nullable(), actualDate: z.string().nullable() })),
  updates: z.array(UpdateSchema),
  obstacles: z.array(ObstacleSchema),
  investors: z.array(z.object({ id: z.string(), name: z.string(), login: z.string() })),
  events: z.array(EventSchema),
  may: z.object({ edit: z.boolean(), report: z.boolean(), recordMilestone: z.boolean(), raiseObstacle: z.boolean(), direct: z.boolean(), resolve: z.boolean() }),
});
export type ProjectDetail = z.infer<typeof ProjectDetailSchema>;

export const ChangesSchema = z.object({
  since: instant,
  asOf: instant,
  events: z.array(EventSchema),
  stateChanges: z.array(z.object({ project: z.object({ id: z.string(), code: z.string(), name: z.string() }), from: z.enum(PROJECT_STATES), to: z.enum(PROJECT_STATES) })),
});
export type Changes = z.infer<typeof ChangesSchema>;

export const RuleStateSchema = z.object({ inForce: RuleVersionSchema, next: RuleVersionSchema.nullable(), versions: z.array(RuleVersionSchema.extend({ createdBy: z.string().nullable(), createdAt: instant })) });
export type RuleState = z.infer<typeof RuleStateSchema>;
