/**
 * The HTTP contract of the indicators API (docs/INDICATORS.md): every request and response schema,
 * in one place that the server validates with (src/modules/indicators) and the web app imports its
 * types from. Pure.
 */
import { z } from 'zod';
import { date, requiredText } from './projects-contract.ts';
import { IndexRuleSchema, ruleIssues } from './indicators-rules.ts';
import { RISK_REASONS } from './indicators-risk.ts';
import { LATE_PAGE } from './indicators.ts';
import { TargetSchema } from './targets.ts';

/** The longest period one request may ask for: a five-year term and a little. */
export const MAX_PERIOD_DAYS = 6 * 366;

const period = {
  from: date().optional(),
  to: date().optional(),
};
const ordered = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to;
const orderMessage = { message: 'Ngày bắt đầu phải trước ngày kết thúc / from must not be after to', path: ['to'] };

export const PublicIndicatorsQuery = z
  .strictObject({
    ...period,
    lateOffset: z.coerce.number().int().min(0).max(10_000_000).optional(),
    lateLimit: z.coerce.number().int().min(1).max(LATE_PAGE.max).optional(),
  })
  .refine(ordered, orderMessage);

export const IndicatorsQuery = z
  .strictObject({
    ...period,
    procedure: z.string().max(40).optional(),
    field: z.string().max(200).optional(),
    assignee: z.uuid().optional(),
  })
  .refine(ordered, orderMessage);

export const FIGURES = ['received', 'received_online', 'settled', 'settled_early', 'settled_on_time', 'settled_late', 'extended', 'in_progress', 'overdue', 'waiting', 'closed'] as const;
export type Figure = (typeof FIGURES)[number];

export const DrillQuery = z
  .strictObject({ ...period, figure: z.enum(FIGURES), procedure: z.string().max(40).optional(), field: z.string().max(200).optional(), assignee: z.uuid().optional() })
  .refine(ordered, orderMessage);

/**
 * Every table of the leaders' view (docs/INDICATORS.md, Exports); `dossiers` is a drill-down's
 * list (with its `figure`), `risk_officials` the points at risk by official.
 */
export const EXPORT_TABLES = ['procedures', 'fields', 'officials', 'channels', 'months', 'index', 'groups', 'tally', 'at_risk', 'risk_officials', 'targets', 'dossiers'] as const;
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const ExportQuery = z
  .strictObject({
    ...period,
    table: z.enum(EXPORT_TABLES),
    format: z.enum(EXPORT_FORMATS).default('csv'),
    figure: z.enum(FIGURES).optional(),
    procedure: z.string().max(40).optional(),
    field: z.string().max(200).optional(),
    assignee: z.uuid().optional(),
  })
  .refine(ordered, orderMessage);

/** The periodic report to the province (PDF): a period, and the report's number if it has one. */
export const ProvinceReportQuery = z
  .strictObject({ ...period, number: z.string().trim().max(60).optional() })
  .refine(ordered, orderMessage);

export const InputBody = z
  .strictObject({
    itemKey: z.string().regex(/^[a-z0-9_]{2,60}$/),
    periodFrom: date(),
    periodTo: date(),
    /** Percent, 0–100 (the form's unit); stored as a rate. */
    percent: z.number().min(0).max(100),
    source: requiredText(500),
  })
  .refine((b) => b.periodFrom <= b.periodTo, { message: 'Ngày bắt đầu phải trước ngày kết thúc / from must not be after to', path: ['periodTo'] });

export const RuleBody = z.strictObject({ effectiveFrom: date(), basis: requiredText(500), rule: IndexRuleSchema }).superRefine((b, ctx) => {
  for (const i of ruleIssues(b.rule)) ctx.addIssue({ code: 'custom', path: ['rule', ...i.path], message: i.message });
});

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

const instant = z.string();
const share = z.number().nullable();

export const HeadlineSchema = z.object({
  received: z.number(),
  settled: z.number(),
  inProgress: z.number(),
  overdue: z.number(),
  onTimeShare: share,
  onlineShare: share,
  averageRating: share,
  satisfiedShare: share,
});

const RatioSchema = z.object({ numerator: z.number(), denominator: z.number(), rate: z.number().nullable() });

export const TallySchema = z.object({
  received: z.object({ total: z.number(), byChannel: z.record(z.string(), z.number()), online: z.number() }),
  settled: z.object({ total: z.number(), early: z.number(), onTime: z.number(), late: z.number(), extended: z.number() }),
  inProgress: z.object({ total: z.number(), onTime: z.number(), overdue: z.number(), waiting: z.number() }),
  closedWithoutResult: z.number(),
  supplement: z.object({ dossiers: z.number(), rounds: z.number(), late: z.number() }),
  endToEnd: z.object({ eligible: z.number(), online: z.number() }),
  digitised: z.object({ received: z.number(), digitised: z.number() }),
  results: z.object({ electronic: z.number(), digitisedWithE: z.number(), personalStore: z.number() }),
  synced: z.object({ known: z.number(), synced: z.number() }),
  payment: z.object({ withFee: z.number(), known: z.number(), online: z.number() }),
  ratings: z.object({ count: z.number(), sum: z.number(), satisfied: z.number(), disliked: z.number() }),
});

const GroupSchema = z.object({ key: z.string(), vi: z.string(), en: z.string(), max: z.number(), points: z.number(), items: z.array(z.string()) });
export const IndexScoreSchema = z.object({
  rule: z.object({ version: z.number(), effectiveFrom: z.string(), basis: z.string() }),
  total: z.number(),
  max: z.number(),
  items: z.array(
    z.object({
      key: z.string(),
      vi: z.string(),
      en: z.string(),
      max: z.number(),
      threshold: z.number(),
      group6: z.string(),
      group5: z.string(),
      origin: z.enum(['computed', 'none_arose', 'manual', 'missing']),
      rate: z.number().nullable(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      points: z.number(),
      lost: z.number(),
      manual: z.object({ itemKey: z.string(), rate: z.number(), source: z.string(), enteredBy: z.string().nullable(), enteredAt: z.string() }).nullable(),
    }),
  ),
  groups6: z.array(GroupSchema),
  groups5: z.array(GroupSchema),
});

const BreakdownRow = z.object({ key: z.string(), label: z.string(), headline: HeadlineSchema, late: z.number(), onTimeRate: z.number().nullable() });
const TrendPoint = z.object({ from: z.string(), to: z.string(), label: z.string(), headline: HeadlineSchema, index: z.number() });

export const ReportSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  asOf: instant,
  headline: HeadlineSchema,
  tally: TallySchema,
  ingredients: z.record(z.string(), RatioSchema.nullable()),
  index: IndexScoreSchema,
  breakdowns: z.object({ procedures: z.array(BreakdownRow), fields: z.array(BreakdownRow), officials: z.array(BreakdownRow), channels: z.array(BreakdownRow) }),
  trend: z.array(TrendPoint),
});

export const LateDossierSchema = z.object({
  code: z.string(),
  procedureName: z.string(),
  dueAt: instant.nullable(),
  finishedAt: instant.nullable(),
  apology: z.object({ newDueAt: instant, onTime: z.boolean() }).nullable(),
});

export const PublicSchema = z.object({
  unit: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  asOf: instant,
  headline: HeadlineSchema,
  index: z.object({ total: z.number(), max: z.number(), rule: z.object({ version: z.number(), effectiveFrom: z.string(), basis: z.string() }), groups6: z.array(GroupSchema) }),
  trend: z.array(TrendPoint),
  /** One page of the late dossiers, by due time: `lateOffset` from the first, at most `lateLimit`. */
  late: z.array(LateDossierSchema),
  lateTotal: z.number(),
  lateOffset: z.number(),
});

export const DrillSchema = z.object({
  figure: z.enum(FIGURES),
  period: z.object({ from: z.string(), to: z.string() }),
  items: z.array(
    z.object({
      code: z.string(),
      procedureName: z.string(),
      channel: z.string(),
      assigneeName: z.string().nullable(),
      receivedAt: instant.nullable(),
      dueAt: instant.nullable(),
      finishedAt: instant.nullable(),
      extended: z.boolean(),
    }),
  ),
});

export const RiskSchema = z.object({
  asOf: instant,
  items: z.array(z.object({ code: z.string(), procedureName: z.string(), assigneeName: z.string().nullable(), dueAt: instant.nullable(), reasons: z.array(z.enum(RISK_REASONS)), items: z.array(z.string()) })),
  officials: z.array(z.object({ assigneeId: z.string().nullable(), assigneeName: z.string().nullable(), dossiers: z.number(), reasons: z.record(z.string(), z.number()) })),
});

export const RuleStateSchema = z.object({
  inForce: z.object({ version: z.number(), effectiveFrom: z.string(), basis: z.string(), rule: IndexRuleSchema }),
  versions: z.array(z.object({ version: z.number(), effectiveFrom: z.string(), basis: z.string(), createdBy: z.string().nullable(), createdAt: z.string() })),
});

export type Report = z.infer<typeof ReportSchema>;
export type PublicIndicators = z.infer<typeof PublicSchema>;
export type Drill = z.infer<typeof DrillSchema>;
export type Risk = z.infer<typeof RiskSchema>;

// ---------------------------------------------------------------------------------------------
// Term targets (src/domain/targets.ts)
// ---------------------------------------------------------------------------------------------

export const TargetKeyParams = z.strictObject({ key: z.string().regex(/^[a-z0-9_]{2,60}$/) });
export const ActualBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  value: z.number().min(-1e15).max(1e15),
  source: requiredText(500),
  asOf: date(),
});
export { TargetSchema as TargetBody } from './targets.ts';

const ActualSchema = z.object({ year: z.number(), value: z.number(), source: z.string(), asOf: z.string() });
export const TargetsSchema = z.object({
  items: z.array(
    TargetSchema.extend({
      history: z.array(ActualSchema.extend({ enteredBy: z.string().nullable() })),
      computed: ActualSchema.nullable(),
      latest: ActualSchema.nullable(),
      state: z.enum(['met', 'on_track', 'behind', 'no_target', 'no_data']),
      expected: z.number().nullable(),
      progressPct: z.number().nullable(),
    }),
  ),
});
export type Targets = z.infer<typeof TargetsSchema>;
