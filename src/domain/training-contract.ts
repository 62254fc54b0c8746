/**
 * The HTTP contract of officials' training (docs/INDICATORS.md "Officials' training") and of the
 * public term targets: request and response schemas the server validates with
 * (src/modules/indicators/training.*.ts) and the web app imports its types from. Pure.
 */
import { z } from 'zod';
import { date, requiredText } from './projects-contract.ts';
import { TRAINING_MODES, TRAINING_TOPICS } from './training.ts';

const version = z.number().int().min(1).max(2_147_483_647);

export const CompletionSchema = z.strictObject({
  userId: z.uuid(),
  completedOn: date(),
  certificateNo: z.string().normalize('NFC').trim().min(1).max(60).nullable().default(null),
});

const courseFields = {
  name: requiredText(300),
  provider: requiredText(300),
  startsOn: date(),
  endsOn: date(),
  hours: z.number().gt(0).max(2000),
  topic: z.enum(TRAINING_TOPICS),
  mode: z.enum(TRAINING_MODES),
  /** Counts towards the share of officials trained in digital skills. */
  qualifies: z.boolean(),
  completions: z.array(CompletionSchema).max(1000).default([]),
};

type CourseShape = { startsOn: string; endsOn: string; completions: { userId: string; completedOn: string }[] };
const courseChecks = (c: CourseShape, ctx: z.RefinementCtx) => {
  if (c.endsOn < c.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'Ngày kết thúc không được trước ngày bắt đầu / the course cannot end before it starts' });
  const seen = new Set<string>();
  for (const [i, x] of c.completions.entries()) {
    if (seen.has(x.userId)) ctx.addIssue({ code: 'custom', path: ['completions', i, 'userId'], message: 'Cán bộ này đã có trong danh sách / this official is already listed' });
    seen.add(x.userId);
    if (x.completedOn < c.startsOn) ctx.addIssue({ code: 'custom', path: ['completions', i, 'completedOn'], message: 'Ngày hoàn thành không được trước ngày khai giảng / completed before the course started' });
  }
};

export const CourseCreateBody = z.strictObject(courseFields).superRefine(courseChecks);
export const CourseUpdateBody = z.strictObject({ ...courseFields, version }).superRefine(courseChecks);
export const CourseParams = z.strictObject({ id: z.uuid() });
export type CourseInput = z.infer<typeof CourseCreateBody>;

export const ShareQuery = z
  .strictObject({ from: date().optional(), to: date().optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc / from must not be after to', path: ['to'] });

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export const ShareSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  trained: z.number(),
  active: z.number(),
  percent: z.number().nullable(),
  /** Courses the unit has recorded at all: none means "no data" rather than 0%. */
  courses: z.number(),
});

export const CourseSchema = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  provider: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  hours: z.number(),
  topic: z.enum(TRAINING_TOPICS),
  mode: z.enum(TRAINING_MODES),
  qualifies: z.boolean(),
  completions: z.array(z.object({ userId: z.string(), fullName: z.string(), completedOn: z.string(), certificateNo: z.string().nullable() })),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export const CoursesSchema = z.object({ items: z.array(CourseSchema), share: ShareSchema });
export type Course = z.infer<typeof CourseSchema>;
export type Courses = z.infer<typeof CoursesSchema>;
export type Share = z.infer<typeof ShareSchema>;

/** The term targets as the public page shows them: no names of who entered what. */
export const PublicTargetsSchema = z.object({
  unit: z.string(),
  asOf: z.string(),
  year: z.number(),
  items: z.array(
    z.object({
      key: z.string(),
      vi: z.string(),
      en: z.string(),
      unit: z.string(),
      direction: z.enum(['at_least', 'at_most']),
      target: z.number().nullable(),
      targetYear: z.number(),
      baseline: z.number().nullable(),
      baselineYear: z.number().nullable(),
      source: z.string(),
      /** Where the straight path from the baseline to the target stands this year. */
      expectedThisYear: z.number().nullable(),
      latest: z.object({ year: z.number(), value: z.number(), source: z.string(), asOf: z.string(), computed: z.boolean() }).nullable(),
      state: z.enum(['met', 'on_track', 'behind', 'no_target', 'no_data']),
      progressPct: z.number().nullable(),
    }),
  ),
});
export type PublicTargets = z.infer<typeof PublicTargetsSchema>;
