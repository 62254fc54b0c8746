/**
 * The ward's 2025–2030 term targets and the national ones for 2028–2030 (docs/INDICATORS.md
 * "Term targets"): each with its baseline and source, the year it is due, and where its actual
 * comes from — computed from the platform's dossiers, or entered by an official with its source
 * and date. Built-in targets are data here; a unit admin adds others. Pure.
 */
import { z } from 'zod';

/** Actuals the platform computes for the year so far (the indicators' headline and ingredients). */
export const TARGET_MEASURES = ['online_share', 'procedures_online', 'satisfied_share', 'digitised_share', 'on_time_share', 'officials_trained'] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];

export const TargetSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9_]{2,60}$/),
  vi: z.string().trim().min(1).max(300),
  en: z.string().trim().min(1).max(300),
  /** The unit of the figures: %, tỷ đồng, … */
  unit: z.string().trim().min(1).max(30),
  direction: z.enum(['at_least', 'at_most']),
  /** Null: the ward has not set a figure for the term yet (shown "to be set"). */
  target: z.number().nullable(),
  targetYear: z.number().int().min(2000).max(2100),
  baseline: z.number().nullable(),
  baselineYear: z.number().int().min(2000).max(2100).nullable(),
  source: z.string().trim().min(1).max(500),
  measure: z.enum(TARGET_MEASURES).nullable(),
});
export type Target = z.infer<typeof TargetSchema>;

const SEED = 'Bài "Xây dựng Nông Trang trở thành đô thị hiện đại và bền vững" (25/7/2025): Nghị quyết Đại hội Đảng bộ phường nhiệm kỳ 2025–2030';
const DECISION_2629 = 'Quyết định 2629/QĐ-TTg ngày 1/12/2025 (mục tiêu quốc gia 2028–2030)';

export const DEFAULT_TARGETS: readonly Target[] = [
  { key: 'online_dossiers', vi: 'Tỷ lệ hồ sơ TTHC xử lý trực tuyến', en: 'Dossiers processed online', unit: '%', direction: 'at_least', target: 80, targetYear: 2030, baseline: null, baselineYear: null, source: SEED, measure: 'online_share' },
  { key: 'procedures_online', vi: 'Tỷ lệ TTHC đưa lên môi trường số', en: 'Procedures brought online', unit: '%', direction: 'at_least', target: 100, targetYear: 2030, baseline: null, baselineYear: null, source: SEED, measure: 'procedures_online' },
  { key: 'budget_revenue', vi: 'Tổng thu ngân sách nhà nước trên địa bàn', en: 'State budget revenue in the ward', unit: 'tỷ đồng', direction: 'at_least', target: null, targetYear: 2030, baseline: 438.608, baselineYear: 2025, source: SEED, measure: null },
  { key: 'social_investment', vi: 'Tổng vốn đầu tư toàn xã hội (5 năm, không gồm FDI)', en: 'Total social investment (5 years, excl. FDI)', unit: 'tỷ đồng', direction: 'at_least', target: null, targetYear: 2030, baseline: 8981, baselineYear: 2025, source: SEED, measure: null },
  { key: 'trained_workers', vi: 'Tỷ lệ lao động đang làm việc qua đào tạo', en: 'Employed workers with training', unit: '%', direction: 'at_least', target: null, targetYear: 2030, baseline: 75, baselineYear: 2025, source: SEED, measure: null },
  { key: 'satisfaction', vi: 'Mức độ hài lòng của người dân, doanh nghiệp', en: 'Satisfaction of citizens and businesses', unit: '%', direction: 'at_least', target: 99, targetYear: 2030, baseline: null, baselineYear: null, source: DECISION_2629, measure: 'satisfied_share' },
  { key: 'digitised', vi: 'Tỷ lệ hồ sơ, kết quả giải quyết TTHC được số hóa', en: 'Dossiers and results digitised', unit: '%', direction: 'at_least', target: 100, targetYear: 2030, baseline: null, baselineYear: null, source: DECISION_2629, measure: 'digitised_share' },
  { key: 'data_reuse', vi: 'Tỷ lệ khai thác, sử dụng lại dữ liệu đã số hóa', en: 'Digitised data reused', unit: '%', direction: 'at_least', target: 80, targetYear: 2030, baseline: null, baselineYear: null, source: DECISION_2629, measure: null },
  { key: 'officials_trained', vi: 'Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số', en: 'Officials trained in digital skills', unit: '%', direction: 'at_least', target: 100, targetYear: 2030, baseline: null, baselineYear: null, source: SEED, measure: 'officials_trained' },
];

export interface Actual {
  year: number;
  value: number;
  source: string;
  asOf: string;
}

export type TargetState = 'met' | 'on_track' | 'behind' | 'no_target' | 'no_data';

/**
 * The straight path from the baseline (or 0 in 2025, the term's first year) to the target: where
 * it stands in `year` (the yearly target); null when the ward has not set the target.
 */
export function expectedIn(t: Pick<Target, 'target' | 'targetYear' | 'baseline' | 'baselineYear'>, year: number): number | null {
  if (t.target === null) return null;
  const from = t.baseline ?? 0;
  const fromYear = t.baselineYear ?? 2025;
  const span = Math.max(1, t.targetYear - fromYear);
  const share = Math.min(1, Math.max(0, (year - fromYear) / span));
  return Math.round((from + (t.target - from) * share) * 100) / 100;
}

/**
 * Where a target stands with its latest actual: met; on track (at or past the straight path from
 * the baseline to the target for the actual's year); behind; or no target / no data yet. Without a
 * baseline, the path starts at 0 in 2025 (the term's first year).
 */
export function targetState(t: Pick<Target, 'target' | 'targetYear' | 'baseline' | 'baselineYear' | 'direction'>, latest: Actual | null): { state: TargetState; expected: number | null; progressPct: number | null } {
  if (t.target === null) return { state: 'no_target', expected: null, progressPct: null };
  if (!latest) return { state: 'no_data', expected: null, progressPct: null };
  const better = (a: number, b: number) => (t.direction === 'at_least' ? a >= b : a <= b);
  const from = t.baseline ?? 0;
  const expected = expectedIn(t, latest.year)!;
  const progressPct = t.target === from ? 100 : Math.round(Math.max(0, Math.min(1, (latest.value - from) / (t.target - from))) * 10000) / 100;
  if (better(latest.value, t.target)) return { state: 'met', expected, progressPct: 100 };
  return { state: better(latest.value, expected) ? 'on_track' : 'behind', expected, progressPct };
}
